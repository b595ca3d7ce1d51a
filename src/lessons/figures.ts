import type { SeriesPoint, SimMs, Summary } from '../engine/types.ts';
import type { AlertRule } from '../engine/mechanisms/alerts/rules.ts';
import { FIGURES } from '../labels/figures.ts';
import { ALERT_LABELS } from '../labels/options.ts';
import { formatCount, formatPercent } from '../components/format.ts';

/**
 * The figures a lesson can ask the room to predict, each read from the app's own numbers: the
 * run's Summary at the start and at the end of a step's window (the counters the metrics strip and
 * the run figures show, differenced), or the time series points inside it (what the charts draw).
 */

/**
 * Two readings of one run, at the start and at the end of a prediction's window, and the stretch of
 * the same length just before it (for "compared with before"; null when the run is not that old).
 */
export interface MeasureWindow {
  fromMs: SimMs;
  untilMs: SimMs;
  start: Summary;
  end: Summary;
  prior: MeasureWindow | null;
}

/**
 * How a figure is written and guessed: `count` and `rate` as whole numbers, `ratio` as a percentage
 * (typed as one), `ms` and `seconds` as a duration (measured in ms, typed in ms or in seconds),
 * `factor` with one decimal, `label` as words.
 */
export type FigureKind = 'count' | 'rate' | 'ratio' | 'ms' | 'seconds' | 'factor' | 'label';

export interface FigureDef {
  kind: FigureKind;
  /** The unit beside the number field where a guess is typed. */
  unit: string;
  /** Its name on the metrics strip while a checked step shows its window ("Keys evicted"). */
  label: string;
  /**
   * The measurement as a sentence ending: `says('21')` is "21 database queries per expiry";
   * `one` says whether the value reads as exactly 1, for the singular ("1 database query per expiry").
   */
  says: (value: string, one: boolean) => string;
  /** The value over the window; NaN where the run cannot tell (see `windowMax`). */
  read: (w: MeasureWindow) => number | string;
}

const seconds = (w: MeasureWindow): number => (w.untilMs - w.fromMs) / 1000;
const delta = (w: MeasureWindow, f: (s: Summary) => number): number => f(w.end) - f(w.start);
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const ratio = (hits: number, misses: number): number => hits / (hits + misses);

/** The series points inside the window: a point at `tMs` covers the interval just before it. */
function points(w: MeasureWindow): SeriesPoint[] {
  return w.end.series.points.filter((p) => p.tMs > w.fromMs && p.tMs <= w.untilMs);
}

const expiries = (s: Summary): number => sum(s.shards.map((x) => x.expired));
const evictions = (s: Summary): number => sum(s.shards.map((x) => x.evictions));
/** Stale reads whose age was a second or more (the Summary's histogram from its 1 s edge up). */
const staleOverASecond = (s: Summary): number =>
  sum(s.staleAges.counts.slice(s.staleAges.edgesMs.indexOf(1000) + 1));

/** Busiest shard's operations over the mean per shard, in the window (the per-shard ops chart). */
function hotShardFactor(w: MeasureWindow): number {
  const totals = w.end.shards.map((_, i) => sum(points(w).map((p) => p.shardOps[i] ?? 0)));
  return Math.max(...totals) / (sum(totals) / totals.length);
}

/** The highest point of the p99 line on the latency chart within the window. */
const p99Peak = (w: MeasureWindow): number => Math.max(...points(w).map((p) => p.p99));

/** The p50 line on the latency chart over the window, each interval weighted by its requests. */
function p50Typical(w: MeasureWindow): number {
  const pts = points(w);
  return sum(pts.map((p) => p.p50 * p.requests)) / sum(pts.map((p) => p.requests));
}

/**
 * The CDN routes whose reads the edge answered with a copy past its max-age (stale-while-revalidate or
 * stale-if-error) within the window, by name in route order ("prices and blog"), or "none".
 */
function staleRoutes(w: MeasureWindow): string {
  const end = w.end.cdnStale?.servedByRoute ?? {};
  const start = w.start.cdnStale?.servedByRoute ?? {};
  const names = Object.keys(end).filter((n) => end[n]! - (start[n] ?? 0) > 0);
  return names.length === 0 ? 'none' : names.join(' and ');
}

/** An alert rule by the name the dashboard gives it; "none" is "No alert". */
export const alertName = (rule: AlertRule | 'none'): string =>
  rule === 'none' ? 'No alert' : ALERT_LABELS[rule];

/** The first monitoring rule to start firing in the window, or "none". */
function firstAlert(w: MeasureWindow): string {
  const before = w.start.series.points.at(-1)?.alerts ?? [];
  for (const p of points(w)) {
    const fresh = p.alerts.find((a) => !before.includes(a));
    if (fresh !== undefined) return fresh;
  }
  return 'none';
}

/** A figure over the window as a share of the same figure over the stretch just before it. */
function vsBefore(read: (w: MeasureWindow) => number): (w: MeasureWindow) => number {
  return (w) => (w.prior ? read(w) / read(w.prior) : NaN);
}

/**
 * The largest value of a running maximum within the window. The Summary keeps only the maximum since
 * the run began, so the window's own is known when the window starts the run or when the maximum grew
 * inside it; otherwise NaN (a lesson must not name it: the answers test checks).
 */
function windowMax(w: MeasureWindow, f: (s: Summary) => number): number {
  const before = f(w.start);
  const after = f(w.end);
  return w.fromMs === 0 || after > before ? after : NaN;
}

/** Hits over lookups of one layer within the window. */
const hitRatio = (
  label: string,
  lead: string,
  layer: (s: Summary) => { hits: number; misses: number },
): FigureDef => ({
  kind: 'ratio',
  unit: '%',
  label,
  says: (v) => `${lead} ${v}`,
  read: (w) =>
    ratio(
      delta(w, (s) => layer(s).hits),
      delta(w, (s) => layer(s).misses),
    ),
});

/** A whole number of things: `one` and `many` are the noun phrase in the singular and the plural. */
const count = (label: string, one: string, many: string, read: FigureDef['read']): FigureDef => ({
  kind: 'count',
  unit: many,
  label,
  says: (v, single) => `${v} ${single ? one : many}`,
  read,
});

export const FIGURE_DEFS = {
  requests: count(FIGURES.requests, 'request', 'requests', (w) => delta(w, (s) => s.requests)),
  errors: count(FIGURES.errors, 'failed request', 'failed requests', (w) => delta(w, (s) => s.errors)),
  dbQueries: count('Database queries', 'database query', 'database queries', (w) =>
    delta(w, (s) => s.db.reads + s.db.writes),
  ),
  dbQueriesPerSecond: {
    kind: 'rate',
    unit: 'queries/s',
    label: FIGURES.dbQueriesPerSecond,
    says: (v, one) => `${v} database ${one ? 'query' : 'queries'} per second`,
    read: (w) => delta(w, (s) => s.db.reads + s.db.writes) / seconds(w),
  },
  dbQueriesPerExpiry: {
    kind: 'rate',
    unit: 'queries',
    label: 'Queries/expiry',
    says: (v, one) => `${v} database ${one ? 'query' : 'queries'} per expiry`,
    read: (w) => delta(w, (s) => s.db.reads) / delta(w, expiries),
  },
  expiries: count('Keys expired', 'key expired in Redis', 'keys expired in Redis', (w) => delta(w, expiries)),
  l1HitRatio: hitRatio(FIGURES.l1HitRatio, 'an L1 hit ratio of', (s) => s.l1),
  l2HitRatio: hitRatio(FIGURES.l2HitRatio, 'an L2 hit ratio of', (s) => s.l2),
  cdnHitRatio: hitRatio(FIGURES.cdnHitRatio, 'a CDN hit ratio of', (s) => s.cdn),
  p99Peak: {
    kind: 'ms',
    unit: 'ms',
    label: 'p99 peak',
    says: (v) => `a p99 latency peaking at ${v}`,
    read: p99Peak,
  },
  p50Latency: {
    kind: 'ms',
    unit: 'ms',
    label: 'p50 latency',
    says: (v) => `a p50 latency of ${v}`,
    read: p50Typical,
  },
  p50LatencyVsBefore: {
    kind: 'ratio',
    unit: '%',
    label: 'p50 vs before',
    says: (v) => `a p50 latency at ${v} of what it was before`,
    read: vsBefore(p50Typical),
  },
  staleReads: count(FIGURES.staleReads, 'stale read', 'stale reads', (w) => delta(w, (s) => s.staleReads)),
  staleReadsVsBefore: {
    kind: 'ratio',
    unit: '%',
    label: 'Stale vs before',
    says: (v) => `${v} as many stale reads as in the same time before`,
    read: vsBefore((w) => delta(w, (s) => s.staleReads)),
  },
  staleReadsOverASecond: count(
    'Stale over 1 s',
    'stale read over a second old',
    'stale reads over a second old',
    (w) => delta(w, staleOverASecond),
  ),
  maxStaleAge: {
    kind: 'seconds',
    unit: 's',
    label: 'Oldest stale',
    says: (v) => `stale reads up to ${v} old`,
    // No stale read in the window: nothing was old, whatever came before.
    read: (w) => (delta(w, (s) => s.staleReads) === 0 ? 0 : windowMax(w, (s) => s.maxStaleAgeMs)),
  },
  lostWrites: count(FIGURES.lostWrites, 'lost write', 'lost writes', (w) => delta(w, (s) => s.lostWrites)),
  dataLeaked: count(
    FIGURES.dataLeaked,
    "response with another user's data",
    "responses with another user's data",
    (w) => delta(w, (s) => s.cdn.crossUserLeaks),
  ),
  hotShardFactor: {
    kind: 'factor',
    unit: '× fair share',
    label: 'Busiest shard',
    says: (v) => `the busiest shard doing ${v} its fair share`,
    read: hotShardFactor,
  },
  evictions: count('Keys evicted', 'key evicted', 'keys evicted', (w) => delta(w, evictions)),
  rejectedWrites: count('SETs refused', 'SET refused', 'SETs refused', (w) =>
    delta(w, (s) => s.rejectedWrites),
  ),
  cdcBacklogMax: count('Max backlog', 'change event waiting at most', 'change events waiting at most', (w) =>
    windowMax(w, (s) => s.cdc?.maxBacklog ?? 0),
  ),
  writeBehindLagMax: {
    kind: 'seconds',
    unit: 's',
    label: 'Max DB lag',
    says: (v) => `a database up to ${v} behind the cache`,
    read: (w) => windowMax(w, (s) => s.writeBehind?.maxDbLagMs ?? 0),
  },
  warmingReads: count('Keys warmed', 'key loaded by warming', 'keys loaded by warming', (w) =>
    delta(w, (s) => s.mitigations.warmingReads),
  ),
  oversold: count('Items oversold', 'item oversold', 'items oversold', (w) =>
    delta(w, (s) => s.consequences.oversold),
  ),
  wrongBalances: count('Wrong balances', 'wrong balance shown', 'wrong balances shown', (w) =>
    delta(w, (s) => s.consequences.wrongBalances),
  ),
  staleRoutes: {
    kind: 'label',
    unit: '',
    label: 'Served stale',
    says: (v) => `pages served from copies past their max-age: ${v}`,
    read: staleRoutes,
  },
  firstAlert: {
    kind: 'label',
    unit: '',
    label: 'First alert',
    says: (v) => `the first alert: ${v}`,
    read: firstAlert,
  },
} as const satisfies Record<string, FigureDef>;

export type LessonFigureId = keyof typeof FIGURE_DEFS;

export const figureDef = (id: LessonFigureId): FigureDef => FIGURE_DEFS[id];

export const isLessonFigureId = (id: string): id is LessonFigureId => Object.hasOwn(FIGURE_DEFS, id);

/** Three significant digits, without trailing zeros: 6.64, 31.6, 0.201. */
const sig3 = (v: number): string => String(Number(v.toPrecision(3)));

/**
 * A measured value as the app writes it: "21", "62 %", "160 ms", "8.5×". A duration is written in the
 * unit a guess is typed in (`ms` in ms, `seconds` in s), so the answer reads in the question's unit.
 */
export function formatFigure(id: LessonFigureId, value: number | string): string {
  if (typeof value === 'string') return id === 'firstAlert' ? alertName(value as AlertRule | 'none') : value;
  if (!Number.isFinite(value)) return '—';
  switch (FIGURE_DEFS[id].kind) {
    case 'ratio':
      return formatPercent(value);
    case 'ms':
      return `${value >= 1000 ? formatCount(Math.round(value)) : sig3(value)} ms`;
    case 'seconds':
      return `${sig3(value / 1000)} s`;
    case 'factor':
      return `${value.toFixed(1)}×`;
    default:
      return formatCount(Math.round(value));
  }
}

/** The measurement as the figure's sentence ending, singular where it reads as 1. */
export function figureSays(id: LessonFigureId, value: number | string): string {
  const text = formatFigure(id, value);
  return FIGURE_DEFS[id].says(text, text === '1');
}
