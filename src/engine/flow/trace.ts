import type { Outcome, TraceHop, TraceRequest } from './types.ts';

/**
 * Collects hops and completed requests for the visualizer into bounded buffers the caller drains.
 * Only created when tracing is asked for, so untraced runs never build a string or an object.
 */
export interface Tracer {
  hops: TraceHop[];
  requests: TraceRequest[];
  capacity: number;
  dropped: number;
  /** The last id given to a hop that belongs to no request (a lost write): negative, counting down. */
  syntheticId: number;
}

export function createTracer(capacity: number): Tracer {
  return { hops: [], requests: [], capacity, dropped: 0, syntheticId: 0 };
}

/** Most hops one loss draws: a crash that drops thousands of writes shows a burst, not a flood. */
const MAX_LOSS_HOPS = 200;

/**
 * Writes that vanish at `node` (a crashed holder's write-behind queue): one `lost` hop from the node to
 * itself per write, up to a cap, under ids of their own (negative, so they never pass for a request).
 */
export function traceLoss(t: Tracer, node: (i: number) => string, keys: ArrayLike<number>, at: number): void {
  const n = Math.min(keys.length, MAX_LOSS_HOPS);
  for (let i = 0; i < n; i++) {
    const target = node(i);
    traceHop(t, --t.syntheticId, keys[i]!, target, target, at, at, 'lost', 'error');
  }
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
