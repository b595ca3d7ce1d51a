/**
 * A log-bucketed latency histogram (in the spirit of HdrHistogram and DDSketch): buckets grow by 1 % from
 * 1e-4 ms to 1e8 ms, plus an exact zero bucket, so any quantile is known within 1 % relative error in
 * constant memory, and recording is one logarithm and one increment. Plain data, so it snapshots and merges
 * trivially.
 */
export interface Histogram {
  /** counts[0] holds zeros; counts[i >= 1] holds values in [MIN * RATIO^(i-1), MIN * RATIO^i). */
  counts: Float64Array;
  total: number;
  sum: number;
  max: number;
  /** Smallest non-zero value (zeros have their own exact bucket); Infinity until one is recorded. */
  min: number;
}

/** Smallest bucketed value (ms); smaller positive values share the first bucket. */
export const HIST_MIN = 1e-4;
/** Largest bucketed value (ms); larger values share the last bucket. */
export const HIST_MAX = 1e8;
export const HIST_RATIO = 1.01;

const LOG_RATIO = Math.log(HIST_RATIO);
const BUCKETS = Math.ceil(Math.log(HIST_MAX / HIST_MIN) / LOG_RATIO);
/**
 * The point of [a, RATIO*a) equally far, relatively, from both ends: 2*RATIO/(1+RATIO) times a, whose
 * worst-case error is (RATIO-1)/(RATIO+1), about 0.5 %.
 */
const MID = (2 * HIST_RATIO) / (1 + HIST_RATIO);

/**
 * An empty histogram.
 *
 * @example
 * const h = createHistogram();
 * recordValue(h, 1.5);
 * quantile(h, 0.99); // ~1.5
 */
export function createHistogram(): Histogram {
  return { counts: new Float64Array(BUCKETS + 1), total: 0, sum: 0, max: 0, min: Infinity };
}

/** The bucket a value falls in: 0 for zero (and negatives, which latencies never are). */
export function bucketOf(v: number): number {
  if (!(v > 0)) return 0;
  if (v <= HIST_MIN) return 1;
  const i = Math.floor(Math.log(v / HIST_MIN) / LOG_RATIO) + 1;
  return i > BUCKETS ? BUCKETS : i;
}

/**
 * Records one value (ms). NaN is ignored.
 *
 * @example
 * recordValue(h, 0.42);
 */
export function recordValue(h: Histogram, v: number): void {
  if (v !== v) return;
  const x = v > 0 ? v : 0;
  h.counts[bucketOf(x)]!++;
  h.total++;
  h.sum += x;
  if (x > h.max) h.max = x;
  if (x > 0 && x < h.min) h.min = x;
}

/**
 * The q-th quantile (nearest rank, q in [0, 1]): a value within 1 % of the ceil(q * total)-th smallest
 * recorded value (for values in [HIST_MIN, HIST_MAX]), exactly 0 when that value is zero, exact for the
 * smallest non-zero and the largest value, and clamped between them. 0 when empty.
 *
 * @example
 * quantile(h, 0.5); // the median
 */
export function quantile(h: Histogram, q: number): number {
  if (h.total === 0) return 0;
  const rank = Math.max(1, Math.ceil(Math.min(1, Math.max(0, q)) * h.total));
  const counts = h.counts;
  // The extremes are tracked exactly, so the smallest non-zero and the largest value come back exact.
  if (rank === h.total) return h.max;
  if (rank === counts[0]! + 1) return h.min;
  let seen = 0;
  let i = 0;
  for (; i < counts.length; i++) {
    seen += counts[i]!;
    if (seen >= rank) break;
  }
  if (i === 0) return 0;
  const rep = HIST_MIN * Math.pow(HIST_RATIO, i - 1) * MID;
  return Math.min(h.max, Math.max(h.min, rep));
}

/** Mean of the recorded values (exact, from the running sum); 0 when empty. */
export function meanOf(h: Histogram): number {
  return h.total === 0 ? 0 : h.sum / h.total;
}

/** Forgets every value, keeping the storage. */
export function resetHistogram(h: Histogram): void {
  h.counts.fill(0);
  h.total = 0;
  h.sum = 0;
  h.max = 0;
  h.min = Infinity;
}

/**
 * Adds `from`'s values into `into` (per-interval histograms into a run total, or across workers).
 *
 * @example
 * mergeHistogram(total, interval);
 */
export function mergeHistogram(into: Histogram, from: Histogram): void {
  for (let i = 0; i < into.counts.length; i++) into.counts[i]! += from.counts[i]!;
  into.total += from.total;
  into.sum += from.sum;
  if (from.max > into.max) into.max = from.max;
  if (from.min < into.min) into.min = from.min;
}
