import { opKind, type Trace } from './types.ts';
import { lruStackCurve } from './mrc/lruCurve.ts';
import { fitZipf, type ZipfFit } from './zipfFit.ts';

/** What the workload card shows about a trace. Everything but `requests` is from the kept sample. */
export interface WorkloadStats {
  requests: number;
  /** Requests kept (differs from `requests` when the trace was sampled). */
  kept: number;
  uniqueKeys: number;
  /** Keys requested exactly once. */
  oneHitWonders: number;
  reads: number;
  writes: number;
  deletes: number;
  startMs: number;
  durationMs: number;
  /** Requests per second in equal bins over the trace's time span. */
  rate: { binMs: number; perSecond: number[] };
  /** Objects (by their last size) per power-of-two bucket: bucket b holds sizes in [2^b, 2^(b+1)), bucket 0 also 0. */
  sizeBuckets: number[];
  meanObjectBytes: number;
  largestObject: number;
  /** Requests per key by popularity rank, at about 60 ranks spread on a log scale. */
  popularity: { rank: number; count: number }[];
  zipf: ZipfFit | null;
  /**
   * Re-requests by reuse distance (distinct other keys requested in between): bucket 0 is distance 0,
   * bucket b >= 1 distances 2^(b-1) to 2^b - 1.
   */
  reuseBuckets: number[];
  /** First requests of a key (no reuse distance). */
  firstUses: number;
  sampleRate: number;
  hasSizes: boolean;
}

const RATE_BINS = 120;

export function workloadStats(trace: Trace): WorkloadStats {
  const n = trace.length;
  const counts = new Uint32Array(trace.uniqueKeys);
  const lastSize = new Uint32Array(trace.uniqueKeys);
  let reads = 0;
  let writes = 0;
  let deletes = 0;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    const k = trace.key[i] as number;
    counts[k] = (counts[k] as number) + 1;
    lastSize[k] = trace.size[i] as number;
    const kind = opKind(trace.op[i] as number);
    if (kind === 'read') reads++;
    else if (kind === 'write') writes++;
    else deletes++;
    const t = trace.timeMs[i] as number;
    if (t < first) first = t;
    if (t > last) last = t;
  }
  const startMs = n > 0 ? first : 0;
  const durationMs = n > 0 ? last - first : 0;
  return {
    requests: trace.requestsRead,
    kept: n,
    uniqueKeys: trace.uniqueKeys,
    oneHitWonders: counts.reduce((s, c) => s + (c === 1 ? 1 : 0), 0),
    reads,
    writes,
    deletes,
    startMs,
    durationMs,
    rate: rateOverTime(trace, startMs, durationMs),
    ...sizeDistribution(lastSize),
    ...popularity(counts),
    ...reuseDistances(trace),
    sampleRate: trace.sampleRate,
    hasSizes: trace.hasSizes,
  };
}

function rateOverTime(trace: Trace, startMs: number, durationMs: number): WorkloadStats['rate'] {
  // Whole seconds per bin when the trace is long enough, so the bins line up with its clock.
  const raw = Math.max(1, durationMs / RATE_BINS);
  const binMs = raw >= 1000 ? Math.ceil(raw / 1000) * 1000 : raw;
  const bins = new Float64Array(Math.min(RATE_BINS, Math.floor(durationMs / binMs) + 1));
  for (let i = 0; i < trace.length; i++) {
    const b = Math.min(bins.length - 1, Math.floor(((trace.timeMs[i] as number) - startMs) / binMs));
    bins[b] = (bins[b] as number) + 1;
  }
  // The last bin ends with the trace, usually before its full width: its rate is over the time it
  // covers (plus one mean gap between requests), not the bin's width.
  const gap = trace.length > 1 ? durationMs / (trace.length - 1) : binMs;
  const covered = durationMs - (bins.length - 1) * binMs + gap;
  // (A trace whose requests all share one time has no span: its one bin is a bin wide.)
  const lastSpan = covered > 0 ? Math.min(binMs, covered) : binMs;
  return {
    binMs,
    perSecond: Array.from(
      bins,
      (c, i) => (c * 1000) / (i === bins.length - 1 ? lastSpan : binMs) / trace.sampleRate,
    ),
  };
}

function sizeDistribution(sizes: Uint32Array) {
  const sizeBuckets = new Array<number>(33).fill(0);
  let total = 0;
  let largestObject = 0;
  for (const s of sizes) {
    const b = s <= 1 ? 0 : 31 - Math.clz32(s);
    sizeBuckets[b] = (sizeBuckets[b] as number) + 1;
    total += s;
    if (s > largestObject) largestObject = s;
  }
  while (sizeBuckets.length > 1 && sizeBuckets[sizeBuckets.length - 1] === 0) sizeBuckets.pop();
  return { sizeBuckets, meanObjectBytes: sizes.length ? total / sizes.length : 0, largestObject };
}

function popularity(counts: Uint32Array) {
  const sorted = Uint32Array.from(counts).sort().reverse();
  const ranks = new Set<number>();
  for (let i = 0; i <= 60; i++) ranks.add(Math.round(Math.pow(sorted.length, i / 60)));
  const points = [...ranks]
    .filter((r) => r >= 1 && r <= sorted.length)
    .map((rank) => ({ rank, count: sorted[rank - 1] as number }));
  return { popularity: points, zipf: fitZipf(sorted) };
}

/** Reuse distances from the LRU stack pass with every object one unit in size. */
function reuseDistances(trace: Trace) {
  const ones = new Uint32Array(trace.uniqueKeys).fill(1);
  const bounds: number[] = [];
  for (let d = 1; d <= Math.max(1, trace.uniqueKeys); d *= 2) bounds.push(d);
  const { misses } = lruStackCurve(
    { key: trace.key, objectSize: ones, uniqueKeys: trace.uniqueKeys },
    bounds,
  );
  // A stack distance of d (the object included) is a reuse distance of d - 1.
  const reuseBuckets = bounds.map(
    (_, j) => (j === 0 ? trace.length : (misses[j - 1] as number)) - (misses[j] as number),
  );
  return { reuseBuckets, firstUses: misses[bounds.length - 1] ?? trace.length };
}
