import type { SeriesPoint } from './types.ts';

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

/** Every time series of a run: one point per sample interval, plus the logs mechanisms keep. */
export interface Series {
  points: Log<SeriesPoint>;
  logs: Record<string, Log<unknown>>;
}

/** The cursors of a `Series` at one instant (what a snapshot keeps): the points', then each log's. */
export type SeriesLengths = readonly number[];

/** Empty series, with the logs named (see Mechanism.logs). */
export function createSeries(logs: readonly string[]): Series {
  return {
    points: { items: [], len: 0 },
    logs: Object.fromEntries(logs.map((n) => [n, { items: [], len: 0 }])),
  };
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
  return [s.points.len, ...Object.values(s.logs).map((l) => l.len)];
}

/**
 * The series as it was when `lengths` were taken. Restoring into the simulation that owns `from`
 * only moves the cursors; restoring into another simulation copies the valid prefix (the items are
 * shared: they never change once written).
 */
export function rewindSeries(from: Series, lengths: SeriesLengths, into: Series | null): Series {
  const names = Object.keys(from.logs);
  if (into === from) {
    from.points.len = lengths[0]!;
    names.forEach((n, i) => (from.logs[n]!.len = lengths[i + 1]!));
    return from;
  }
  const copy = <T>(log: Log<T>, n: number): Log<T> => ({ items: log.items.slice(0, n), len: n });
  return {
    points: copy(from.points, lengths[0]!),
    logs: Object.fromEntries(names.map((n, i) => [n, copy(from.logs[n]!, lengths[i + 1]!)])),
  };
}

/**
 * Drops everything after the cursors: the timeline ahead changed (a live change at the current time),
 * so the items a previous pass computed there are no longer what the run will produce.
 */
export function forgetFuture(s: Series): void {
  s.points.items.length = s.points.len;
  for (const log of Object.values(s.logs)) log.items.length = log.len;
}
