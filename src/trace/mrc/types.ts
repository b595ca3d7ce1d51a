/** One point of a miss-ratio curve: a cache of `size` bytes missed `misses` requests, `missBytes` bytes. */
export interface CurvePoint {
  size: number;
  misses: number;
  missBytes: number;
}

export type Policy = 'lru' | 'fifo' | 'opt';

/**
 * The requests the curves run over: interned keys and one size per object (the size of its last
 * request, as libCacheSim's oracleGeneral files fix it), so every policy sees the same objects.
 */
export interface CurveInput {
  key: Uint32Array;
  /** Bytes of each object, indexed by key id. */
  objectSize: Uint32Array;
  uniqueKeys: number;
}

/** The per-object sizes of a trace: each object takes the size of its last request. */
export function curveInput(trace: { key: Uint32Array; size: Uint32Array; uniqueKeys: number }): CurveInput {
  const objectSize = new Uint32Array(trace.uniqueKeys);
  for (let i = 0; i < trace.key.length; i++) objectSize[trace.key[i] as number] = trace.size[i] as number;
  return { key: trace.key, objectSize, uniqueKeys: trace.uniqueKeys };
}
