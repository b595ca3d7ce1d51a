import type { TraceHop, TraceRequest } from '../engine/types.ts';

/** Requests whose hops are kept at once; older ones are forgotten first. */
const MAX_FOLLOWED = 4096;
const MAX_RECENT = 12;

/**
 * Keeps the hops and outcome of the requests drawn on the canvas (a bounded, most-recent set), so a
 * click on a particle or on the recent list can open the request's waterfall.
 */
export class RequestLog {
  private readonly hops = new Map<number, TraceHop[]>();
  private readonly done = new Map<number, TraceRequest>();
  private recentDone: TraceRequest[] = [];
  /** The request open in the inspector: never forgotten while it is selected. */
  private pinned: number | null = null;

  pin(requestId: number | null): void {
    this.pinned = requestId;
  }

  /** Keeps `hop` when its request is followed (`follow` decides, e.g. the canvas sample). */
  addHop(hop: TraceHop): void {
    const list = this.hops.get(hop.requestId);
    if (list) {
      list.push(hop);
      return;
    }
    this.hops.set(hop.requestId, [hop]);
    // Maps iterate in insertion order: the first key is the oldest request followed.
    if (this.hops.size > MAX_FOLLOWED) {
      const oldest = this.hops.keys().next().value;
      if (oldest !== undefined && oldest === this.pinned) {
        // Move the pinned request to the young end and forget the next oldest instead.
        const kept = this.hops.get(oldest)!;
        this.hops.delete(oldest);
        this.hops.set(oldest, kept);
      }
      const evict = this.hops.keys().next().value;
      if (evict !== undefined && evict !== this.pinned) {
        this.hops.delete(evict);
        this.done.delete(evict);
      }
    }
  }

  addRequests(requests: readonly TraceRequest[]): void {
    let added = false;
    for (const r of requests) {
      if (!this.hops.has(r.requestId)) continue;
      this.done.set(r.requestId, r);
      this.recentDone.push(r);
      added = true;
    }
    if (added && this.recentDone.length > MAX_RECENT) this.recentDone = this.recentDone.slice(-MAX_RECENT);
  }

  /** The last completed requests followed, newest first. */
  recent(): TraceRequest[] {
    return [...this.recentDone].reverse();
  }

  /** The request once completed (undefined while in flight or forgotten). */
  request(requestId: number): TraceRequest | undefined {
    return this.done.get(requestId);
  }

  hopsOf(requestId: number): TraceHop[] {
    return this.hops.get(requestId) ?? [];
  }

  clear(): void {
    this.hops.clear();
    this.done.clear();
    this.recentDone = [];
  }
}
