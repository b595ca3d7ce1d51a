import type { SeriesPoint } from '../types.ts';

/**
 * An append-only log with a cursor: `items[0..len)` is the part valid at the current state. It lives
 * outside the `State`, so a snapshot records only `len` instead of copying the history; restoring
 * moves the cursor back, and re-simulating from there rewrites the same items (the run is
 * deterministic), so nothing is recomputed twice in memory and nothing grows with the square of the
 * run's length.
 */
export interface Log<T> {
  items: T[];
  len: number;
}

/** One write-behind sample: writes acknowledged and not committed yet, and the database's lag. */
export interface WriteBehindSample {
  tMs: number;
  queueDepth: number;
  dbLagMs: number;
}

/** One CDC sample: events waiting in the broker, and the consumer's lag. */
export interface CdcSample {
  tMs: number;
  backlog: number;
  consumerLagMs: number;
}

/** Every time series of a run: one point per sample interval, plus the write paths' samples. */
export interface Series {
  points: Log<SeriesPoint>;
  wb: Log<WriteBehindSample>;
  cdc: Log<CdcSample>;
}

/** The cursors of a `Series` at one instant (what a snapshot keeps). */
export type SeriesLengths = readonly [points: number, wb: number, cdc: number];

export function createSeries(): Series {
  return { points: { items: [], len: 0 }, wb: { items: [], len: 0 }, cdc: { items: [], len: 0 } };
}

export function logPush<T>(log: Log<T>, item: T): void {
  // After a restore the slot holds the value this very step computed before; overwrite it anyway so
  // the log never depends on that argument being right.
  if (log.len < log.items.length) log.items[log.len] = item;
  else log.items.push(item);
  log.len++;
}

/** The items valid now, as a fresh array (the items themselves are shared and never mutated). */
export function logView<T>(log: Log<T>): T[] {
  return log.items.slice(0, log.len);
}

/** The newest item valid now. */
export function logLast<T>(log: Log<T>): T | undefined {
  return log.len > 0 ? log.items[log.len - 1] : undefined;
}

export function seriesLengths(s: Series): SeriesLengths {
  return [s.points.len, s.wb.len, s.cdc.len];
}

/**
 * The series as it was when `lengths` were taken. Restoring into the simulation that owns `from`
 * only moves the cursors; restoring into another simulation copies the valid prefix (the items are
 * shared: they never change once written).
 */
export function rewindSeries(from: Series, lengths: SeriesLengths, into: Series | null): Series {
  const [p, w, c] = lengths;
  if (into === from) {
    from.points.len = p;
    from.wb.len = w;
    from.cdc.len = c;
    return from;
  }
  const copy = <T>(log: Log<T>, n: number): Log<T> => ({ items: log.items.slice(0, n), len: n });
  return { points: copy(from.points, p), wb: copy(from.wb, w), cdc: copy(from.cdc, c) };
}

/**
 * Drops everything after the cursors: the timeline ahead changed (a live change at the current time),
 * so the items a previous pass computed there are no longer what the run will produce.
 */
export function forgetFuture(s: Series): void {
  s.points.items.length = s.points.len;
  s.wb.items.length = s.wb.len;
  s.cdc.items.length = s.cdc.len;
}
