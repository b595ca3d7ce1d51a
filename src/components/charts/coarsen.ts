import { mergePoints, scaleCounts, type SeriesPoint } from '../../series/fields.ts';

/** Most points a time chart draws: about one per pixel column, whatever the run's length. */
export const MAX_CHART_POINTS = 512;

export interface ChartSeries {
  points: readonly SeriesPoint[];
  intervalMs: number;
}

/**
 * The series as a time chart draws it: at most `max` points, each merging `k` intervals (a power of
 * two, so buckets stay put while the run grows). Counts are summed, so rates and ratios keep their
 * meaning with the interval `k` times longer; latencies and queue lengths keep the bucket's worst;
 * the instant values (keys, memory) its last, instances up its fewest: the rule each field declares
 * (`mergePoints`, src/series/fields.ts; the engine coarsens a long run's series by the same). A partial last bucket is scaled up to a
 * full one. A long run (up to 2 048 points, see MAX_SERIES_POINTS) draws 512 instead of building
 * paths of thousands of points several times a second.
 */
export function coarsen(series: ChartSeries, max = MAX_CHART_POINTS): ChartSeries {
  const { points, intervalMs } = series;
  if (points.length <= max) return series;
  let k = 2;
  while (points.length / k > max) k *= 2;
  const out: SeriesPoint[] = [];
  for (let start = 0; start < points.length; start += k) {
    const bucket = points.slice(start, start + k);
    // A partial bucket (fewer points, or the engine's last point still filling) scaled to a full one.
    const covered = bucket[bucket.length - 1]!.tMs - bucket[0]!.tMs + intervalMs;
    out.push(merge(bucket, (k * intervalMs) / covered));
  }
  return { points: out, intervalMs: intervalMs * k };
}

/** A bucket as one point (see mergePoints), a partial one's counts scaled up by `scale`. */
function merge(bucket: readonly SeriesPoint[], scale: number): SeriesPoint {
  const p = bucket.reduce(mergePoints);
  return scale === 1 ? p : scaleCounts(p, scale);
}
