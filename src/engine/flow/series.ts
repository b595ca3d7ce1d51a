import type { CoreSeriesPoint } from './seriesFields.ts';

/**
 * Most items a log holds. Reaching it, the log merges its items in pairs and goes on with buckets
 * twice as long, so a run of any length keeps between half of it and all of it: a day sampled every
 * second (86 400 samples) keeps 1 350 items of 64 s. Four times what a chart draws (see the charts'
 * coarsen.ts), and far past any golden run (15 s) or preset (90 s), which are never coarsened.
 */
export const MAX_SERIES_POINTS = 2048;

/**
 * An append-only log with a cursor: `items[0..len)` is the part valid at the current state. It lives
 * outside the `State`, so a snapshot records only where it stood instead of copying the history;
 * restoring moves the cursor back, and re-simulating from there rewrites the same items (the run is
 * deterministic), so nothing is recomputed twice in memory and nothing grows with the square of the
 * run's length.
 *
 * Each item merges `stride` samples (a power of two). The samples of the bucket not complete yet are
 * merged in `pending`, shown as the last item. When `len` reaches the bound, the items are merged in
 * pairs into a new array (the old one is left as it was, for the snapshots that point into it) and
 * the stride doubles. Items and pending buckets are never changed once made.
 */
export interface Log<T> {
  items: T[];
  len: number;
  stride: number;
  pending: T | null;
  /** Samples merged in `pending` (0 when it is null). */
  pendingCount: number;
}

/** Merges two consecutive items into one, changing neither (the plan's `mergePoints`, seriesMerge.ts's `mergeGauges`). */
export type Merge<T> = (a: T, b: T) => T;

/** Every time series of a run: one point per sample interval, plus the logs mechanisms keep. */
export interface Series {
  points: Log<CoreSeriesPoint>;
  logs: Record<string, Log<unknown>>;
}

/** Where one log stood at one instant: the array its items were in, and the bucket being filled. */
export interface LogMark {
  readonly items: readonly unknown[];
  readonly len: number;
  readonly stride: number;
  readonly pending: unknown;
  readonly pendingCount: number;
}

/** Where a `Series` stood at one instant (what a snapshot keeps): the points', then each log's. */
export type SeriesMark = readonly LogMark[];

export function createLog<T>(): Log<T> {
  return { items: [], len: 0, stride: 1, pending: null, pendingCount: 0 };
}

/** Empty series, with the logs named (see Mechanism.logs). */
export function createSeries(logs: readonly string[]): Series {
  return {
    points: createLog(),
    logs: Object.fromEntries(logs.map((n) => [n, createLog()])),
  };
}

/** Adds one sample: into the pending bucket, or as a new item when that completes a bucket. */
export function logPush<T>(log: Log<T>, item: T, merge: Merge<T>, max = MAX_SERIES_POINTS): void {
  const bucket = log.pending === null ? item : merge(log.pending, item);
  if (log.pendingCount + 1 < log.stride) {
    log.pending = bucket;
    log.pendingCount++;
    return;
  }
  log.pending = null;
  log.pendingCount = 0;
  // After a restore the slot holds the value this very step computed before; overwrite it anyway so
  // the log never depends on that argument being right.
  if (log.len < log.items.length) log.items[log.len] = bucket;
  else log.items.push(bucket);
  log.len++;
  if (log.len >= max) halve(log, merge);
}

/** The items in pairs, into a new array; the stride doubles. */
function halve<T>(log: Log<T>, merge: Merge<T>): void {
  const items = new Array<T>(log.len >> 1);
  for (let i = 0; i < items.length; i++) items[i] = merge(log.items[2 * i]!, log.items[2 * i + 1]!);
  log.items = items;
  log.len = items.length;
  log.stride *= 2;
}

/** The items valid now, the pending bucket last, as a fresh array (the items themselves are shared). */
export function logView<T>(log: Log<T>): T[] {
  const out = log.items.slice(0, log.len);
  if (log.pending !== null) out.push(log.pending);
  return out;
}

/** How many items `logView` gives. */
export function logLength(log: Log<unknown>): number {
  return log.len + (log.pending === null ? 0 : 1);
}

const markOf = (l: Log<unknown>): LogMark => ({
  items: l.items,
  len: l.len,
  stride: l.stride,
  pending: l.pending,
  pendingCount: l.pendingCount,
});

export function seriesMark(s: Series): SeriesMark {
  return [markOf(s.points), ...Object.values(s.logs).map(markOf)];
}

/**
 * The series as it was when `mark` was taken. Restoring into the simulation that owns `from`
 * only moves the cursors (onto the array the items were in then); restoring into another simulation
 * copies the valid prefix (the items are shared: they never change once written).
 */
export function rewindSeries(from: Series, mark: SeriesMark, into: Series | null): Series {
  const names = Object.keys(from.logs);
  const own = into === from;
  const rewind = <T>(log: Log<T>, m: LogMark): Log<T> => {
    log.items = (own ? m.items : m.items.slice(0, m.len)) as T[];
    log.len = m.len;
    log.stride = m.stride;
    log.pending = m.pending as T | null;
    log.pendingCount = m.pendingCount;
    return log;
  };
  if (own) {
    rewind(from.points, mark[0]!);
    names.forEach((n, i) => rewind(from.logs[n]!, mark[i + 1]!));
    return from;
  }
  return {
    points: rewind(createLog<CoreSeriesPoint>(), mark[0]!),
    logs: Object.fromEntries(names.map((n, i) => [n, rewind(createLog(), mark[i + 1]!)])),
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
