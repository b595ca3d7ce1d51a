import { bin, extent } from 'd3-array';

/**
 * Histogram bins for durations. Stale ages and TTLs can span milliseconds to hours, where equal-width
 * bins would put everything in the first bar, so wide ranges are binned on a log10 axis (each decade
 * the same width). A narrow range (60 s TTLs with 10 % jitter) is binned linearly instead, where the
 * spread that jitter adds is visible.
 */
export interface DurationBin {
  /** Lower and upper edge: log10(ms) on a log axis, ms on a linear one. */
  x0: number;
  x1: number;
  count: number;
}

export interface DurationBins {
  log: boolean;
  bins: DurationBin[];
}

/** Values at or below 0 are drawn at the smallest visible bin rather than dropped. */
const FLOOR_MS = 0.001;
/** Log binning once the largest value is this many times the smallest. */
const LOG_SPAN = 10;

export function binDurations(values: readonly number[], binsPerDecade = 2, linearBins = 12): DurationBins {
  if (values.length === 0) return { log: true, bins: [] };
  const [lo = 0, hi = 0] = extent(values);
  if (hi / Math.max(lo, FLOOR_MS) < LOG_SPAN) {
    // A single repeated value still gets a bar of visible width.
    const pad = hi === lo ? Math.max(hi * 0.05, 1) : 0;
    const binned = bin()
      .domain([lo - pad, hi + pad])
      .thresholds(linearBins)(values as number[]);
    return { log: false, bins: binned.map((b) => ({ x0: b.x0 ?? lo, x1: b.x1 ?? hi, count: b.length })) };
  }
  const logs = values.map((v) => Math.log10(Math.max(v, FLOOR_MS)));
  const start = Math.floor(Math.log10(Math.max(lo, FLOOR_MS)) * binsPerDecade) / binsPerDecade;
  const end = Math.ceil(Math.log10(hi) * binsPerDecade) / binsPerDecade;
  const thresholds: number[] = [];
  for (let t = start; t <= end + 1e-9; t += 1 / binsPerDecade) thresholds.push(t);
  const binned = bin()
    .domain([start, end + 1e-9])
    .thresholds(thresholds)(logs);
  return { log: true, bins: binned.map((b) => ({ x0: b.x0 ?? start, x1: b.x1 ?? end, count: b.length })) };
}

/**
 * The engine's pre-bucketed histogram (`counts[i]` below `edgesMs[i]`, the last count open-ended) on a
 * log axis: the first bucket is drawn one decade wide, the open one as wide as its neighbour.
 */
export function binsFromBuckets(edgesMs: readonly number[], counts: readonly number[]): DurationBins {
  const out: DurationBin[] = [];
  const edges = edgesMs.map((e) => Math.log10(Math.max(e, FLOOR_MS)));
  counts.forEach((count, i) => {
    const upper = edges[i];
    const lower = i === 0 ? (upper ?? 0) - 1 : (edges[i - 1] ?? 0);
    if (upper !== undefined) out.push({ x0: lower, x1: upper, count });
    else {
      const prev = out[out.length - 1];
      const width = prev ? prev.x1 - prev.x0 : 1;
      out.push({ x0: lower, x1: lower + width, count });
    }
  });
  return { log: true, bins: out };
}
