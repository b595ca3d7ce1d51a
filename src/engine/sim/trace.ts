import type { Outcome, TraceHop, TraceRequest } from '../types.ts';

/**
 * Collects hops and completed requests for the visualizer into bounded buffers the caller drains.
 * Only created when tracing is asked for, so untraced runs never build a string or an object.
 */
export interface Tracer {
  hops: TraceHop[];
  requests: TraceRequest[];
  capacity: number;
  dropped: number;
}

export function createTracer(capacity: number): Tracer {
  return { hops: [], requests: [], capacity, dropped: 0 };
}

export function traceHop(
  t: Tracer,
  requestId: number,
  key: number,
  from: string,
  to: string,
  startMs: number,
  endMs: number,
  op: string,
  outcome: Outcome | null,
): void {
  t.hops.push({ requestId, key, from, to, startMs, endMs, op, outcome });
  if (t.hops.length > t.capacity * 2) {
    t.dropped += t.hops.length - t.capacity;
    t.hops = t.hops.slice(t.hops.length - t.capacity);
  }
}

export function traceRequest(t: Tracer, r: TraceRequest): void {
  t.requests.push(r);
  if (t.requests.length > t.capacity * 2) t.requests = t.requests.slice(t.requests.length - t.capacity);
}

/** Returns what was collected since the last drain (at most `capacity` of each). */
export function drain<T>(items: T[], capacity: number): T[] {
  return items.length > capacity ? items.slice(items.length - capacity) : items.slice();
}
