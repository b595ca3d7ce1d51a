import type { SimSnapshot, SimMs } from '../engine/types.ts';

/**
 * Snapshots taken every `intervalMs` of simulated time while the run advances. Seeking restores the
 * nearest one at or before the target and re-simulates the rest, which the engine guarantees is
 * deterministic, so the scrubbed state equals the state of an uninterrupted run.
 */
export class SnapshotStore {
  private readonly times: SimMs[] = [];
  private readonly snaps: SimSnapshot[] = [];

  constructor(
    readonly intervalMs: SimMs,
    private readonly max = 240,
  ) {}

  /** The next simulated time at which a snapshot is due. */
  nextDue(): SimMs {
    const last = this.times[this.times.length - 1];
    return last === undefined ? 0 : last + this.intervalMs;
  }

  /** Time of the latest snapshot (-Infinity when there is none). */
  lastAt(): SimMs {
    return this.times[this.times.length - 1] ?? -Infinity;
  }

  /** Stores a snapshot if it extends the covered range (earlier times are already covered). */
  add(t: SimMs, snap: SimSnapshot): void {
    const last = this.times[this.times.length - 1];
    if (last !== undefined && t <= last) return;
    this.times.push(t);
    this.snaps.push(snap);
    if (this.times.length > this.max) this.thin();
  }

  /** The latest snapshot at or before `t`, if any. */
  before(t: SimMs): { t: SimMs; snap: SimSnapshot } | null {
    let lo = 0;
    let hi = this.times.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.times[mid]! <= t) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return null;
    return { t: this.times[found]!, snap: this.snaps[found]! };
  }

  get size(): number {
    return this.times.length;
  }

  /** Keeps every other snapshot (but the first) so memory stays bounded on long runs. */
  private thin(): void {
    for (let i = this.times.length - 2; i >= 1; i -= 2) {
      this.times.splice(i, 1);
      this.snaps.splice(i, 1);
    }
  }
}
