import type { SeriesPoint } from '../../engine/types.ts';

/** Most points a time chart draws: about one per pixel column, whatever the run's length. */
export const MAX_CHART_POINTS = 512;

/** Counted over the interval: summed when intervals merge (and rates stay right). */
const COUNTS = [
  'requests',
  'l1Hits',
  'l1Misses',
  'l2Hits',
  'l2Misses',
  'dbReads',
  'dbWrites',
  'staleReads',
  'errors',
  'evictions',
  'expired',
  'redisErrors',
  'timeouts',
  'retries',
] as const;
/** The worst interval of a merged bucket, so a spike stays visible. */
const PEAKS = ['p50', 'p99', 'redisP99', 'dbInUse', 'dbQueue'] as const;

export interface ChartSeries {
  points: readonly SeriesPoint[];
  intervalMs: number;
}

/**
 * The series as a time chart draws it: at most `max` points, each merging `k` intervals (a power of
 * two, so buckets stay put while the run grows). Counts are summed, so rates and ratios keep their
 * meaning with the interval `k` times longer; latencies and queue lengths keep the bucket's worst;
 * the instant values (keys, memory, instances up) its last. A partial last bucket is scaled up to a
 * full one. A day-long run (86 400 points) draws 512 instead of building paths of 86 400 points
 * several times a second.
 */
export function coarsen(series: ChartSeries, max = MAX_CHART_POINTS): ChartSeries {
  const { points, intervalMs } = series;
  if (points.length <= max) return series;
  let k = 2;
  while (points.length / k > max) k *= 2;
  const out: SeriesPoint[] = [];
  for (let start = 0; start < points.length; start += k) {
    const bucket = points.slice(start, start + k);
    out.push(merge(bucket, k / bucket.length));
  }
  return { points: out, intervalMs: intervalMs * k };
}

function merge(bucket: readonly SeriesPoint[], scale: number): SeriesPoint {
  const last = bucket[bucket.length - 1]!;
  const p: SeriesPoint = { ...last, shardOps: last.shardOps.map(() => 0), alerts: [] };
  for (const f of COUNTS) p[f] = 0;
  for (const f of PEAKS) p[f] = 0;
  const alerts = new Set<string>();
  for (const b of bucket) {
    for (const f of COUNTS) p[f] += b[f];
    for (const f of PEAKS) p[f] = Math.max(p[f], b[f]);
    b.shardOps.forEach((ops, i) => (p.shardOps[i] = (p.shardOps[i] ?? 0) + ops));
    for (const a of b.alerts) alerts.add(a);
    p.instancesUp = Math.min(p.instancesUp, b.instancesUp);
  }
  if (scale !== 1) {
    for (const f of COUNTS) p[f] *= scale;
    p.shardOps = p.shardOps.map((ops) => ops * scale);
  }
  p.alerts = [...alerts];
  return p;
}
