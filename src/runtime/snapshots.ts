import type { SimSnapshot, SimMs } from '../engine/types.ts';

/** Memory all the snapshots of one run may hold (one browser tab must stay well under a GB). */
export const SNAPSHOT_BUDGET_BYTES = 48 * 1024 * 1024;
/**
 * Most snapshots kept, however small they are (a stampede's state packs into 50 KB): the budget in
 * bytes is the real limit; this one keeps thinning, which looks at every snapshot, cheap.
 */
export const MAX_SNAPSHOTS = 1000;
/**
 * Events simulated between two snapshots, per byte of state a snapshot reads. Taking one costs about
 * 1 ns per byte of state (6.5 MB of baseline state: 6 ms) and an event about 0.7 µs (measured on a
 * 2-core machine): one event per 80 bytes keeps snapshots near 10 % of the simulating time, and bounds
 * a seek's re-simulation to one gap (about 60 ms of engine time on baseline).
 */
const EVENTS_PER_STATE_BYTE = 1 / 80;
/** Fewest events between snapshots: tiny states would otherwise snapshot every few milliseconds. */
const MIN_GAP_EVENTS = 50_000;

export interface SnapshotPolicy {
  /** Memory all the snapshots may hold. */
  budgetBytes: number;
  /** Most snapshots kept, however small. */
  maxCount: number;
  /** Fewest events between two snapshots. */
  minGapEvents: number;
  /** Events between two snapshots per byte of state (taking one reads all of it). */
  eventsPerStateByte: number;
}

export const DEFAULT_SNAPSHOT_POLICY: SnapshotPolicy = {
  budgetBytes: SNAPSHOT_BUDGET_BYTES,
  maxCount: MAX_SNAPSHOTS,
  minGapEvents: MIN_GAP_EVENTS,
  eventsPerStateByte: EVENTS_PER_STATE_BYTE,
};

/**
 * The snapshots of one run, by time. Seeking restores the latest one at or before the target and
 * re-simulates the rest, which the engine guarantees is deterministic. They are taken every
 * `gapEvents` of engine work, so a seek never re-simulates more than one gap wherever the
 * snapshots still are dense. Memory is bounded: past the policy's bytes or count, the snapshot whose
 * removal costs least is dropped, where the cost is the re-simulation its neighbours' merged gap would
 * need relative to its distance from the playhead, so they stay dense near the playhead and thin out
 * far from it (about logarithmically).
 */
export class SnapshotStore {
  private readonly snaps: SimSnapshot[] = [];
  private held = 0;

  readonly policy: SnapshotPolicy;

  constructor(policy: Partial<SnapshotPolicy> = {}) {
    this.policy = { ...DEFAULT_SNAPSHOT_POLICY, ...policy };
  }

  /** Events to simulate after a snapshot of this state before the next one is due. */
  gapEvents(snap: SimSnapshot): number {
    return Math.max(this.policy.minGapEvents, snap.rawBytes * this.policy.eventsPerStateByte);
  }

  get size(): number {
    return this.snaps.length;
  }

  /** Memory the snapshots hold (their own accounting, see SimSnapshot.bytes). */
  get bytes(): number {
    return this.held;
  }

  times(): SimMs[] {
    return this.snaps.map((s) => s.atMs);
  }

  /** The latest snapshot at or before `t`, if any. */
  before(t: SimMs): SimSnapshot | null {
    const i = this.indexAtOrBefore(t);
    return i < 0 ? null : this.snaps[i]!;
  }

  /**
   * Events left to simulate from (`t`, `events`) before the next snapshot is due (0 or less: due now).
   * Measured from the latest snapshot at or before `t`.
   */
  eventsUntilDue(t: SimMs, events: number): number {
    const prev = this.before(t);
    if (prev === null) return 0;
    return prev.events + this.gapEvents(prev) - events;
  }

  /** Keeps `snap` (replacing one taken at the same time), then thins around `playheadEvents`. */
  add(snap: SimSnapshot, playheadEvents = snap.events): void {
    const i = this.indexAtOrBefore(snap.atMs);
    const same = i >= 0 && this.snaps[i]!.atMs === snap.atMs;
    if (same) this.held -= this.snaps[i]!.bytes;
    this.snaps.splice(same ? i : i + 1, same ? 1 : 0, snap);
    this.held += snap.bytes;
    const { budgetBytes, maxCount } = this.policy;
    while (this.snaps.length > 2 && (this.held > budgetBytes || this.snaps.length > maxCount)) {
      this.dropCheapest(playheadEvents);
    }
  }

  /** Forgets every snapshot after `t`, or at and after it (`inclusive`): the run changed there. */
  dropAfter(t: SimMs, inclusive = false): void {
    let keep = this.indexAtOrBefore(t) + 1;
    if (inclusive && keep > 0 && this.snaps[keep - 1]!.atMs === t) keep--;
    for (const s of this.snaps.splice(keep)) this.held -= s.bytes;
  }

  private indexAtOrBefore(t: SimMs): number {
    let lo = 0;
    let hi = this.snaps.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.snaps[mid]!.atMs <= t) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Removes the interior snapshot whose neighbours' merged gap is smallest for its distance. */
  private dropCheapest(playheadEvents: number): void {
    let best = -1;
    let bestCost = Infinity;
    for (let i = 1; i < this.snaps.length - 1; i++) {
      const gap = this.snaps[i + 1]!.events - this.snaps[i - 1]!.events;
      const distance = Math.abs(this.snaps[i]!.events - playheadEvents);
      const cost = gap / (gap + distance);
      if (cost < bestCost) {
        bestCost = cost;
        best = i;
      }
    }
    const [gone] = this.snaps.splice(best, 1);
    this.held -= gone!.bytes;
  }
}
