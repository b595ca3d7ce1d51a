import { format } from 'd3-format';
import type { Scenario, SeriesPoint } from '../../engine/types.ts';
import { FIGURES } from '../../labels/figures.ts';
import { OUTCOME_COLORS } from '../../render/palette.ts';
import type { LineSeries } from './LineChart.tsx';
import type { Threshold } from './frame.ts';
import { formatTick } from './ticks.ts';

/**
 * The series definitions of the time charts, at module level so their identity is stable and the
 * charts' memoized paths survive re-renders. Rates are per second of simulated time.
 */

const perSecond = (count: number, intervalMs: number): number =>
  intervalMs > 0 ? (count * 1000) / intervalMs : 0;
/** Null when the layer saw no lookups: a gap in the line, not a fake 0 % hit ratio. */
const ratio = (hits: number, misses: number): number | null =>
  hits + misses > 0 ? hits / (hits + misses) : null;

export const HIT_RATIO: readonly LineSeries[] = [
  { label: 'L1', color: OUTCOME_COLORS['l1-hit'], value: (p) => ratio(p.l1Hits, p.l1Misses) },
  { label: 'L2', color: OUTCOME_COLORS['l2-hit'], value: (p) => ratio(p.l2Hits, p.l2Misses) },
];
/** The hit ratio of a run with no L1 at any time: an "L1" line at 0 would only be noise. */
export const HIT_RATIO_L2: readonly LineSeries[] = HIT_RATIO.filter((s) => s.label !== 'L1');
export const HIT_RATIO_DOMAIN: [number, number] = [0, 1];

export const DB_QPS: readonly LineSeries[] = [
  { label: 'Reads', color: OUTCOME_COLORS.db, value: (p, ms) => perSecond(p.dbReads, ms) },
  { label: 'Writes', color: OUTCOME_COLORS.write, dashed: true, value: (p, ms) => perSecond(p.dbWrites, ms) },
];

export const DB_POOL: readonly LineSeries[] = [
  { label: 'Connections in use', color: OUTCOME_COLORS.db, value: (p: SeriesPoint) => p.dbInUse },
  { label: FIGURES.queriesWaiting, color: 'var(--c-fg)', dashed: true, value: (p: SeriesPoint) => p.dbQueue },
];

/** Request latency, and the Redis command latency the monitoring rule watches. */
export const LATENCY: readonly LineSeries[] = [
  { label: 'p50', color: 'var(--c-accent)', value: (p) => p.p50 },
  { label: 'p99', color: 'var(--c-fg)', dashed: true, value: (p) => p.p99 },
  { label: FIGURES.redisP99, color: OUTCOME_COLORS['l2-hit'], value: (p) => p.redisP99 },
];

/** The alert lines of the charts, from the scenario's monitoring thresholds (none when it is off). */
export interface ChartThresholds {
  hitRatio?: Threshold | undefined;
  redisP99?: Threshold | undefined;
  memory?: number | undefined;
}

const pctText = (r: number): string => `${Math.round(r * 1000) / 10} %`;

export function chartThresholds(m: Scenario['monitoring']): ChartThresholds {
  if (!m.enabled) return {};
  return {
    hitRatio: { value: m.hitRateBelow, label: `Alert: L2 hit ratio below ${pctText(m.hitRateBelow)}` },
    redisP99: { value: m.p99AboveMs, label: `Alert: Redis p99 over ${m.p99AboveMs} ms` },
    memory: m.memoryAbove,
  };
}

export const STALE_RATE: readonly LineSeries[] = [
  { label: 'Stale reads', color: OUTCOME_COLORS.stale, value: (p, ms) => perSecond(p.staleReads, ms) },
];

export const ERROR_RATE: readonly LineSeries[] = [
  { label: 'Errors', color: OUTCOME_COLORS.error, value: (p, ms) => perSecond(p.errors, ms) },
  {
    label: FIGURES.timeoutsSeries,
    color: 'var(--c-fg)',
    dashed: true,
    value: (p, ms) => perSecond(p.timeouts, ms),
  },
  { label: FIGURES.retriesSeries, color: 'var(--c-accent)', value: (p, ms) => perSecond(p.retries, ms) },
];

const pct0 = format('.0%');
export const fmtPercent = (r: number): string => pct0(r).replace('%', ' %');
export const fmtRate = formatTick;
export const fmtCount = formatTick;
export const fmtMs = formatTick;
export { perSecond };
