import { bin } from 'd3-array';

/**
 * Histogram bins on a log10 axis. Stale ages and TTLs span milliseconds to hours, so equal-width bins
 * would put everything in the first bar; here each decade gets the same width.
 */
export interface LogBin {
  /** log10 of the bin's lower and upper edge in ms. */
  x0: number;
  x1: number;
  count: number;
}

/** Values at or below 0 are drawn at the smallest visible bin rather than dropped. */
const FLOOR_MS = 0.001;

export function binLog(values: readonly number[], binsPerDecade = 2): LogBin[] {
  if (values.length === 0) return [];
  const logs = values.map((v) => Math.log10(Math.max(v, FLOOR_MS)));
  let lo = Infinity;
  let hi = -Infinity;
  for (const l of logs) {
    if (l < lo) lo = l;
    if (l > hi) hi = l;
  }
  const start = Math.floor(lo * binsPerDecade) / binsPerDecade;
  const end = Math.max(Math.ceil(hi * binsPerDecade) / binsPerDecade, start + 1 / binsPerDecade);
  const thresholds: number[] = [];
  for (let t = start; t <= end + 1e-9; t += 1 / binsPerDecade) thresholds.push(t);
  const binned = bin()
    .domain([start, end + 1e-9])
    .thresholds(thresholds)(logs);
  return binned.map((b) => ({ x0: b.x0 ?? start, x1: b.x1 ?? end, count: b.length }));
}

/**
 * The engine's pre-bucketed histogram (`counts[i]` below `edgesMs[i]`, the last count open-ended) as
 * log bins: the first bucket is drawn one decade wide, the open one as wide as its neighbour.
 */
export function binsFromBuckets(edgesMs: readonly number[], counts: readonly number[]): LogBin[] {
  const out: LogBin[] = [];
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
  return out;
}
