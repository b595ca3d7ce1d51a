/**
 * Key popularity for the cost estimate, in buckets rather than key by key: the most popular ranks one by
 * one, the rest in ranges about 3 % wide, each range's keys taken at their mean share. A run with
 * 2 million keys is then estimated in milliseconds (a few hundred buckets instead of 2 million keys, for
 * each of its changes), and the hit ratio formulas, smooth in a key's rate, change by well under a percent.
 */

/** `count` keys from rank `first` (0-based), each with the share `p` of the requests. */
export interface KeyBucket {
  first: number;
  count: number;
  p: number;
}

/** Ranks below this are buckets of one key. */
const EXACT = 256;
/** Each bucket past them is this much wider than the rank it starts at. */
const GROWTH = 0.03;

/** The sum of x^-s over x in [lo, hi): Zipf weights of a range of ranks, by the midpoint rule's integral. */
function weightBetween(lo: number, hi: number, s: number): number {
  if (Math.abs(1 - s) < 1e-9) return Math.log(hi / lo);
  return (Math.pow(hi, 1 - s) - Math.pow(lo, 1 - s)) / (1 - s);
}

/**
 * The Zipf(`s`) popularity of `n` keys in buckets; no bucket straddles any of `cuts` (ranks where a
 * formula changes, such as an L1's capacity). Shares add up to 1. The array is shared with later calls
 * of the same arguments: read it, do not change it.
 *
 * @example
 * zipfBuckets(10, 1, [])[0] // { first: 0, count: 1, p: 0.341... }
 */
export function zipfBuckets(n: number, s: number, cuts: readonly number[]): KeyBucket[] {
  // A scenario with thousands of changes asks for the same few popularities over and over.
  const key = `${n} ${s} ${cuts.join(',')}`;
  const known = recent.get(key);
  if (known) return known;
  const out = computeBuckets(n, s, cuts);
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  recent.set(key, out);
  return out;
}

/** The last few popularities computed (callers do not change them: each bucket is copied to scale it). */
const recent = new Map<string, KeyBucket[]>();
const RECENT = 16;

function computeBuckets(n: number, s: number, cuts: readonly number[]): KeyBucket[] {
  const stops = cuts.filter((c) => c > EXACT && c < n).sort((a, b) => a - b);
  const out: KeyBucket[] = [];
  const weights: number[] = [];
  for (let i = 0; i < Math.min(n, EXACT); i++) {
    out.push({ first: i, count: 1, p: 0 });
    weights.push(1 / Math.pow(i + 1, s));
  }
  let first = EXACT;
  let stop = 0;
  while (first < n) {
    let end = Math.min(n, first + Math.max(1, Math.floor(first * GROWTH)));
    while (stop < stops.length && stops[stop]! <= first) stop++;
    if (stop < stops.length && stops[stop]! < end) end = stops[stop]!;
    out.push({ first, count: end - first, p: 0 });
    // Ranks first+1 .. end, each weight x^-s, as the integral from first+0.5 to end+0.5.
    weights.push(weightBetween(first + 0.5, end + 0.5, s));
    first = end;
  }
  const total = weights.reduce((a, w) => a + w, 0);
  out.forEach((b, i) => (b.p = weights[i]! / total / b.count));
  return out;
}
