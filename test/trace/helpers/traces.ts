import type { Trace } from '../../../src/trace/types.ts';

/** A Trace from plain arrays of keys (already dense ids) and sizes, as the readers would build it. */
export function traceOf(keys: readonly number[], sizes: readonly number[], sampleRate = 1): Trace {
  const unique = new Set(keys).size;
  let bytes = 0;
  for (const s of sizes) bytes += s;
  return {
    format: 'csv',
    length: keys.length,
    timeMs: Float64Array.from(keys, (_, i) => i),
    key: Uint32Array.from(keys),
    size: Uint32Array.from(sizes),
    op: new Uint8Array(keys.length),
    ttlS: null,
    uniqueKeys: unique,
    hasSizes: true,
    sampleRate,
    requestsRead: keys.length,
    bytesRequested: bytes,
    inputBytes: 0,
    truncated: null,
  };
}

/** Renumbers arbitrary keys to dense ids in order of first appearance (what the readers do). */
export function dense(keys: readonly number[]): number[] {
  const ids = new Map<number, number>();
  return keys.map((k) => {
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = ids.size));
    return id;
  });
}

/** A small deterministic generator (mulberry32) for traces in tests. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Keys drawn from a Zipf-like popularity over `keys` keys (rank r with weight 1/r^alpha). */
export function zipfKeys(n: number, keys: number, alpha: number, seed: number): number[] {
  const random = rng(seed);
  const cdf = new Float64Array(keys);
  let sum = 0;
  for (let r = 0; r < keys; r++) cdf[r] = sum += 1 / Math.pow(r + 1, alpha);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = random() * sum;
    let lo = 0;
    let hi = keys - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] as number) >= u) hi = mid;
      else lo = mid + 1;
    }
    out.push(lo);
  }
  return out;
}
