/**
 * A log-bucketed latency histogram (in the spirit of HdrHistogram): each power of two from 2^-14 ms to
 * 2^27 ms (about 1e-4 ms to 1e8 ms) is cut into 128 equal sub-buckets, plus an exact zero bucket, so any
 * quantile is known within 0.4 % relative error in constant memory. The bucket comes straight from the
 * float's exponent and top mantissa bits, with no logarithm: recording is on the engine's hot path. Plain
 * data, so it snapshots and merges trivially.
 */
export interface Histogram {
  /** counts[0] holds zeros; counts[i >= 1] holds the values of sub-bucket i - 1 (see bucketOf). */
  counts: Float64Array;
  total: number;
  sum: number;
  max: number;
  /** Smallest non-zero value (zeros have their own exact bucket); Infinity until one is recorded. */
  min: number;
}

/** Sub-buckets per power of two: 2^7, so a bucket is at most 1/128 (0.78 %) wide. */
const SUB_BITS = 7;
const SUB = 1 << SUB_BITS;
const MIN_EXP = -14;
const MAX_EXP = 27;
/** Smallest bucketed value (ms); smaller positive values share the first bucket. */
export const HIST_MIN = 2 ** MIN_EXP;
/** Largest bucketed value (ms); larger values share the last bucket. */
export const HIST_MAX = 2 ** MAX_EXP;
/** Widest ratio between a bucket's ends. */
export const HIST_RATIO = 1 + 1 / SUB;
const BUCKETS = (MAX_EXP - MIN_EXP) * SUB;

// A float's bits, read through a shared view (little-endian: word 1 holds sign, exponent and the top
// 20 mantissa bits). Every platform JavaScript engines run on is little-endian.
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

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
  f64[0] = v;
  const hi = u32[1]!;
  const e = (hi >>> 20) - 1023;
  if (e < MIN_EXP) return 1;
  if (e >= MAX_EXP) return BUCKETS;
  return 1 + ((e - MIN_EXP) << SUB_BITS) + ((hi >>> (20 - SUB_BITS)) & (SUB - 1));
}

/** The middle of bucket i (>= 1): at most half a bucket, 0.4 %, from any value in it. */
function bucketMid(i: number): number {
  const j = i - 1;
  const octave = 2 ** (MIN_EXP + (j >> SUB_BITS));
  return octave * (1 + ((j & (SUB - 1)) + 0.5) / SUB);
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
 * The q-th quantile (nearest rank, q in [0, 1]): a value within 0.4 % of the ceil(q * total)-th smallest
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
  // Past the zero bucket, counts lie between the buckets of the smallest and the largest value.
  let seen = counts[0]!;
  if (seen >= rank) return 0;
  let i = bucketOf(h.min);
  for (; i < counts.length; i++) {
    seen += counts[i]!;
    if (seen >= rank) break;
  }
  return Math.min(h.max, Math.max(h.min, bucketMid(i)));
}

/** Mean of the recorded values (exact, from the running sum); 0 when empty. */
export function meanOf(h: Histogram): number {
  return h.total === 0 ? 0 : h.sum / h.total;
}

/** Forgets every value, keeping the storage. */
export function resetHistogram(h: Histogram): void {
  h.counts[0] = 0;
  // Only the buckets values went to (none when min is still Infinity).
  if (h.min !== Infinity) h.counts.fill(0, bucketOf(h.min), bucketOf(h.max) + 1);
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
  into.counts[0]! += from.counts[0]!;
  // Only the buckets `from`'s values went to: an interval's latencies span a few octaves of the 41.
  if (from.min !== Infinity) {
    for (let i = bucketOf(from.min), end = bucketOf(from.max); i <= end; i++)
      into.counts[i]! += from.counts[i]!;
  }
  into.total += from.total;
  into.sum += from.sum;
  if (from.max > into.max) into.max = from.max;
  if (from.min < into.min) into.min = from.min;
}
