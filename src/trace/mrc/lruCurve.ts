import type { CurveInput } from './types.ts';

/**
 * The exact LRU miss counts at many sizes from one pass (Mattson's stack distances, weighted by
 * bytes). Under LRU a cache of S bytes holds the most recently used objects whose sizes sum to at most
 * S, so a request hits exactly when its object's byte stack distance (its size plus the sizes of the
 * distinct objects used since its last request) is at most S. The distances are sums over a Fenwick
 * tree indexed by the time of each object's last use; the tree is compacted when its positions run
 * out, so it stays about twice the number of distinct keys.
 *
 * This holds for every size at least as large as the largest object. Below that, libCacheSim's rule
 * (an object larger than the cache is not kept) breaks LRU's inclusion property: a cache too small
 * for a large object keeps what a larger cache evicts for it. Sizes below the largest object are
 * therefore left to `simulateLru` (see `curves.ts`).
 *
 * Returns, for each size in `sizes` (ascending, each at least the largest object), the misses and
 * the bytes missed.
 */
export function lruStackCurve(
  input: CurveInput,
  sizes: readonly number[],
): { misses: Float64Array; missBytes: Float64Array } {
  const { key, objectSize, uniqueKeys } = input;
  const k = sizes.length;
  // hitsAt[j]: requests whose distance falls in (sizes[j-1], sizes[j]], so they hit at sizes[j] and up.
  const hitsAt = new Float64Array(k + 1);
  const hitBytesAt = new Float64Array(k + 1);
  const capacity = Math.max(1024, Math.min(key.length + 1, 2 * uniqueKeys + 2));
  let tree = new Float64Array(capacity + 1);
  const slotOf = new Int32Array(uniqueKeys); // 0 = never seen
  let keyAt = new Int32Array(capacity + 1).fill(-1);
  let top = 0; // the last position used
  let live = 0; // bytes of all objects on the stack
  let totalBytes = 0;

  const compact = () => {
    // Renumber the live positions 1..m in order, then rebuild the tree in linear time.
    const keys = new Int32Array(capacity + 1).fill(-1);
    const fresh = new Float64Array(capacity + 1);
    let m = 0;
    for (let p = 1; p <= top; p++) {
      const x = keyAt[p] as number;
      if (x < 0) continue;
      m++;
      keys[m] = x;
      slotOf[x] = m;
      fresh[m] = objectSize[x] as number;
    }
    for (let i = 1; i <= capacity; i++) {
      const parent = i + (i & -i);
      if (parent <= capacity) fresh[parent] = (fresh[parent] as number) + (fresh[i] as number);
    }
    tree = fresh;
    keyAt = keys;
    top = m;
  };

  for (let i = 0; i < key.length; i++) {
    const x = key[i] as number;
    const size = objectSize[x] as number;
    totalBytes += size;
    const slot = slotOf[x] as number;
    if (slot > 0) {
      // Bytes above the object on the stack: all live bytes minus those at or below its slot.
      let below = 0;
      for (let p = slot; p > 0; p -= p & -p) below += tree[p] as number;
      const distance = live - below + size;
      // The first size the distance fits in.
      let lo = 0;
      let hi = k;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((sizes[mid] as number) >= distance) hi = mid;
        else lo = mid + 1;
      }
      hitsAt[lo] = (hitsAt[lo] as number) + 1;
      hitBytesAt[lo] = (hitBytesAt[lo] as number) + size;
      for (let p = slot; p <= capacity; p += p & -p) tree[p] = (tree[p] as number) - size;
      keyAt[slot] = -1;
      live -= size;
    }
    if (top === capacity) compact();
    const at = ++top;
    for (let p = at; p <= capacity; p += p & -p) tree[p] = (tree[p] as number) + size;
    keyAt[at] = x;
    slotOf[x] = at;
    live += size;
  }

  const misses = new Float64Array(k);
  const missBytes = new Float64Array(k);
  let hits = 0;
  let hitBytes = 0;
  for (let j = 0; j < k; j++) {
    hits += hitsAt[j] as number;
    hitBytes += hitBytesAt[j] as number;
    misses[j] = key.length - hits;
    missBytes[j] = totalBytes - hitBytes;
  }
  return { misses, missBytes };
}
