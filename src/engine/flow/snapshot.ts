import type { SimSnapshot } from './types.ts';
import type { Ctx } from './context.ts';
import { rewindSeries, seriesMark, type Series, type SeriesMark } from './series.ts';
import { decodeState, encodeState, type CodecStats } from './snapshotCodec.ts';
import type { State } from './state.ts';

/** What a snapshot holds: the encoded state, and where the run's series stood (not the series). */
interface StoredSnapshot extends SimSnapshot {
  readonly state: unknown;
  readonly series: Series;
  readonly mark: SeriesMark;
}

/**
 * A compact copy of the run's state at `c.s.now` (see snapshotCodec.ts). The time series is not
 * copied: the snapshot remembers where it stood (see series.ts), and restoring rewinds it there.
 *
 * @example
 * const snap = takeSnapshot(c); // snap.bytes is what it holds in memory
 */
export function takeSnapshot(c: Ctx): SimSnapshot {
  const stats: CodecStats = { bytes: 0, rawBytes: 0 };
  const state = encodeState(c.s, stats);
  const snap: StoredSnapshot = {
    __snapshot: true,
    atMs: c.s.now,
    events: c.s.events,
    bytes: stats.bytes,
    rawBytes: stats.rawBytes,
    state,
    series: c.series,
    mark: seriesMark(c.series),
  };
  return snap;
}

/**
 * Puts the state back as it was when `snap` was taken, into this run or another one created from the
 * same scenario (or one that differs only after the snapshot's time). `check` may refuse the decoded
 * state (by throwing) before anything of the run is replaced.
 */
export function restoreSnapshot(c: Ctx, snap: SimSnapshot, check?: (s: State) => void): void {
  const stored = snap as StoredSnapshot;
  const s = decodeState(stored.state) as State;
  check?.(s);
  c.s = s;
  c.series = rewindSeries(stored.series, stored.mark, c.series);
}
