import type { TraceHop, TraceRequest } from '../engine/types.ts';

/** Follow 1 in this many requests (by id) for the inspector's waterfall. */
const FOLLOW_EVERY = 16;
const MAX_FOLLOWED = 256;
const MAX_RECENT = 12;

/**
 * Keeps the hops of a deterministic sample of requests, and the last few of them that completed,
 * so the inspector can draw a waterfall without the runtime holding every hop.
 */
export class RequestLog {
  private readonly hops = new Map<number, TraceHop[]>();
  private recentDone: TraceRequest[] = [];

  private follows(id: number): boolean {
    return id % FOLLOW_EVERY === 0;
  }

  addHops(hops: readonly TraceHop[]): void {
    for (const h of hops) {
      if (!this.follows(h.requestId)) continue;
      const list = this.hops.get(h.requestId);
      if (list) list.push(h);
      else {
        this.hops.set(h.requestId, [h]);
        // Maps iterate in insertion order: the first key is the oldest request followed.
        if (this.hops.size > MAX_FOLLOWED) {
          const oldest = this.hops.keys().next().value;
          if (oldest !== undefined) this.hops.delete(oldest);
        }
      }
    }
  }

  addRequests(requests: readonly TraceRequest[]): void {
    const done = requests.filter((r) => this.follows(r.requestId) && this.hops.has(r.requestId));
    if (done.length === 0) return;
    this.recentDone = [...this.recentDone, ...done].slice(-MAX_RECENT);
  }

  /** The last completed requests followed, newest first. */
  recent(): TraceRequest[] {
    return [...this.recentDone].reverse();
  }

  hopsOf(requestId: number): TraceHop[] {
    return this.hops.get(requestId) ?? [];
  }

  clear(): void {
    this.hops.clear();
    this.recentDone = [];
  }
}
