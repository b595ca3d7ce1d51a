import { curveInput, type CurvePoint, type Policy } from './types.ts';
import { lruStackCurve } from './lruCurve.ts';
import { simulateFifo, simulateLru, type Tally } from './simulate.ts';
import { nextUses, simulateOpt } from './opt.ts';
import { simulateSampled, type SampledPolicy } from './sampled.ts';
import { defaultSizes, normaliseSizes } from './grid.ts';
import type { Trace } from '../types.ts';

/** What `npm run mrc -- --json` prints (and the app's chart draws). */
export interface CurvesResult {
  requests: number;
  uniqueKeys: number;
  bytes: number;
  /** Redis's sampled LRU and LFU appear only when asked for, at their own few sizes (`sampledSizes`). */
  curves: Record<Policy, CurvePoint[]> & Partial<Record<SampledPolicy, CurvePoint[]>>;
  /** 1 for an exact curve; the SHARDS rate (fraction of keys kept) when the trace was sampled. */
  sampleRate: number;
  /** Every object has one size: Belady's policy is then a true lower bound, else an offline reference. */
  uniformSizes: boolean;
  largestObject: number;
  /** The working set: the bytes of all distinct objects. */
  workingSet: number;
  /** Sizes below the largest object, simulated one by one for LRU (see lruCurve.ts). */
  lruSimulatedSizes: number[];
}

export interface CurveOptions {
  sizes?: readonly number[];
  /** Sizes for FIFO and Belady, one simulation each (default: `sizes`); LRU takes every size. */
  simulatedSizes?: readonly number[];
  policies?: readonly Policy[];
  /** Redis's sampled policies to add (none by default), each one simulation a size. */
  sampled?: readonly SampledPolicy[];
  /** Sizes for the sampled policies (default: every fourth of `sizes`, and the largest). */
  sampledSizes?: readonly number[];
  /** Called between steps with the fraction done, for a progress bar. */
  onProgress?: (done: number) => void;
}

/**
 * The miss-ratio curves of a trace: exact LRU from one pass (plus a direct simulation for any size
 * below the largest object), FIFO and Belady's policy by one simulation per size, with libCacheSim's
 * rules. A sampled trace (SHARDS) is run at its sampled sizes (S x rate) and its counts scaled back
 * to the whole trace.
 */
export function computeCurves(trace: Trace, options: CurveOptions = {}): CurvesResult {
  const input = curveInput(trace);
  const rate = trace.sampleRate;
  let workingSet = 0;
  let largest = 0;
  let smallest = Infinity;
  for (const s of input.objectSize) {
    workingSet += s;
    if (s > largest) largest = s;
    if (s < smallest) smallest = s;
  }
  let bytes = 0;
  for (let i = 0; i < input.key.length; i++) bytes += input.objectSize[input.key[i] as number] as number;
  const sizes = options.sizes ? normaliseSizes(options.sizes) : defaultSizes(workingSet / rate, largest);
  const scaled = sizes.map((s) => Math.max(1, Math.round(s * rate)));
  const policies = options.policies ?? ['lru', 'fifo', 'opt'];
  const sampled = options.sampled ?? [];
  const sampledSizes = options.sampledSizes
    ? normaliseSizes(options.sampledSizes)
    : sizes.filter((_, i) => i % 4 === 0 || i === sizes.length - 1);
  const simulatedCount = options.simulatedSizes
    ? normaliseSizes(options.simulatedSizes).length
    : sizes.length;
  const steps =
    (policies.includes('lru') ? 1 : 0) +
    simulatedCount * policies.filter((p) => p !== 'lru').length +
    sampledSizes.length * sampled.length;
  let done = 0;
  const step = () => options.onProgress?.(++done / Math.max(1, steps));

  const n = input.key.length;
  const requests = rate < 1 ? trace.requestsRead : n;
  const totalBytes = rate < 1 ? trace.bytesRequested : bytes;
  // SHARDS_adj (Waldspurger et al.): a sampled miss stands for 1/rate misses. Dividing by the rate
  // rather than by the sampled share of requests keeps a very hot key, in or out of the sample, from
  // moving the whole curve (its requests are hits at every size but the smallest).
  const scale = (m: number, mb: number): [number, number] =>
    rate < 1
      ? [Math.min(requests, Math.round(m / rate)), Math.min(totalBytes, Math.round(mb / rate))]
      : [m, mb];
  const curves: CurvesResult['curves'] = { lru: [], fifo: [], opt: [] };
  const lruSimulatedSizes: number[] = [];

  const tally = (t: Tally): [number, number] => [t.misses, t.missBytes];
  const point = (k: number, t: Tally): CurvePoint => {
    const [misses, missBytes] = scale(t.misses, t.missBytes);
    return { size: sizes[k] as number, misses, missBytes };
  };
  if (policies.includes('lru')) {
    const stackFrom = scaled.findIndex((s) => s >= largest);
    const stack = lruStackCurve(input, stackFrom < 0 ? [] : scaled.slice(stackFrom));
    curves.lru = scaled.map((s, k) => {
      if (stackFrom >= 0 && k >= stackFrom) {
        const j = k - stackFrom;
        return point(k, { misses: stack.misses[j] as number, missBytes: stack.missBytes[j] as number });
      }
      lruSimulatedSizes.push(sizes[k] as number);
      return point(k, simulateLru(input, s));
    });
    step();
  }
  const simulated = options.simulatedSizes ? normaliseSizes(options.simulatedSizes) : sizes;
  const simulateAll = (simulate: (capacity: number) => Tally, at = simulated): CurvePoint[] =>
    at.map((size) => {
      const [misses, missBytes] = scale(...tally(simulate(Math.max(1, Math.round(size * rate)))));
      step();
      return { size, misses, missBytes };
    });
  if (policies.includes('fifo')) curves.fifo = simulateAll((s) => simulateFifo(input, s));
  if (policies.includes('opt')) {
    const next = nextUses(input.key, input.uniqueKeys);
    curves.opt = simulateAll((s) => simulateOpt(input, s, next));
  }
  for (const p of sampled) {
    curves[p] = simulateAll((s) => simulateSampled(input, s, p, trace.timeMs), sampledSizes);
  }
  return {
    requests,
    uniqueKeys: rate < 1 ? Math.round(trace.uniqueKeys / rate) : trace.uniqueKeys,
    bytes: totalBytes,
    curves,
    sampleRate: rate,
    uniformSizes: largest === smallest,
    largestObject: largest,
    workingSet: Math.round(workingSet / rate),
    lruSimulatedSizes,
  };
}
