import type { Trace } from '../../trace/types.ts';

/**
 * A synthetic trace for benchmarks: `n` requests over `keys` keys with Zipf popularity (exponent
 * `alpha`), each key its own size (`minSize`..`maxSize` bytes), from a fixed seed (xorshift32), so
 * every run measures the same work.
 */
export function zipfTrace(n: number, keys: number, alpha: number, minSize = 100, maxSize = 64 * 1024): Trace {
  let state = 0x9e3779b9;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const cdf = new Float64Array(keys);
  let sum = 0;
  for (let r = 0; r < keys; r++) cdf[r] = sum += 1 / Math.pow(r + 1, alpha);
  // Ranks are scattered over ids, so popular keys are not neighbours in memory (as in a real trace).
  const idOfRank = new Uint32Array(keys).map((_, r) => r);
  for (let i = keys - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = idOfRank[i] as number;
    idOfRank[i] = idOfRank[j] as number;
    idOfRank[j] = t;
  }
  const objectSize = new Uint32Array(keys).map(
    () => minSize + Math.floor(random() * (maxSize - minSize + 1)),
  );
  const key = new Uint32Array(n);
  const size = new Uint32Array(n);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const u = random() * sum;
    let lo = 0;
    let hi = keys - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] as number) >= u) hi = mid;
      else lo = mid + 1;
    }
    const id = idOfRank[lo] as number;
    key[i] = id;
    size[i] = objectSize[id] as number;
    bytes += size[i] as number;
  }
  return {
    format: 'csv',
    length: n,
    timeMs: Float64Array.from({ length: n }, (_, i) => i),
    key,
    size,
    op: new Uint8Array(n),
    ttlS: null,
    uniqueKeys: keys,
    hasSizes: true,
    sampleRate: 1,
    requestsRead: n,
    bytesRequested: bytes,
    inputBytes: 0,
    truncated: null,
  };
}
