import type { CurveInput } from './types.ts';

/**
 * The exact LRU miss counts at many sizes from one pass (Mattson's stack distances, weighted by
 * bytes). Under LRU a cache of S bytes holds the most recently used objects whose sizes sum to at most
 * S, so a request hits exactly when its object's byte stack distance (its size plus the sizes of the
 * distinct objects used since its last request) is at most S. The distances are sums over a Fenwick
 * tree indexed by the time of each object's last use; the tree is compacted when its positions run
 * out, so it stays about twice the number of distinct keys.
 *
 * Three things keep the pass near the cost of one simulation. A distance is a range sum between the
 * object's slot and the top, walked from both ends until the walks meet, so it costs the log of the
 * distance in slots rather than of the tree (popular objects are near the top). The tree holds no node
 * above the top: a removal climbs only to the top, and a new top's node is built from the nodes below
 * it when it is appended (amortised constant time). An object used twice in a row costs nothing.
 * `npm run bench:mrc` measures it (docs/traces.md); a three-tier layout (slots, blocks of 8, a
 * Fenwick tree over groups of 64) and an 8-ary tree were tried and were no faster.
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
  const bounds = Float64Array.from(sizes);
  // hitsAt[j]: requests whose distance falls in (sizes[j-1], sizes[j]], so they hit at sizes[j] and up.
  const hitsAt = new Float64Array(k + 1);
  const hitBytesAt = new Float64Array(k + 1);
  const capacity = Math.max(1024, Math.min(key.length + 1, 2 * uniqueKeys + 2));
  let tree = new Float64Array(capacity + 1);
  let spare = new Float64Array(capacity + 1);
  // Each object's slot and size side by side, so a request reads one cache line for both.
  const slotSize = new Int32Array(2 * uniqueKeys); // a size over 2^31 reads back with >>> 0
  for (let x = 0; x < uniqueKeys; x++) slotSize[2 * x + 1] = objectSize[x] as number;
  const keyAt = new Int32Array(capacity + 1);
  let top = 0; // the last position used
  let totalBytes = 0;

  const compact = () => {
    // Renumber the live slots 1..m in order (found from the objects' slots, so the hot loop keeps no
    // slot-to-object map), then rebuild the nodes up to m in linear time.
    keyAt.fill(-1);
    for (let x = 0; x < uniqueKeys; x++) {
      const slot = slotSize[2 * x] as number;
      if (slot > 0) keyAt[slot] = x;
    }
    const fresh = spare;
    fresh.fill(0);
    let m = 0;
    for (let p = 1; p <= top; p++) {
      const x = keyAt[p] as number;
      if (x < 0) continue;
      m++;
      slotSize[2 * x] = m;
      fresh[m] = (slotSize[2 * x + 1] as number) >>> 0;
    }
    for (let i = 1; i <= m; i++) {
      const parent = i + (i & -i);
      if (parent <= m) fresh[parent] = (fresh[parent] as number) + (fresh[i] as number);
    }
    spare = tree;
    tree = fresh;
    top = m;
  };

  for (let i = 0; i < key.length; i++) {
    const x = key[i] as number;
    const slot = slotSize[2 * x] as number;
    const size = (slotSize[2 * x + 1] as number) >>> 0;
    totalBytes += size;
    if (slot === top && slot > 0) {
      // Used again at once: on top of the stack already, a hit at every size it fits.
      hitsAt[0] = (hitsAt[0] as number) + 1;
      hitBytesAt[0] = (hitBytesAt[0] as number) + size;
      continue;
    }
    if (slot > 0) {
      // Bytes above the object on the stack: the sum over slots (slot, top].
      let above = 0;
      let a = slot;
      let b = top;
      // Two tight loops in turn (each predictable) rather than one that picks a side each step.
      while (a !== b) {
        for (; b > a; b -= b & -b) above += tree[b] as number;
        for (; a > b; a -= a & -a) above -= tree[a] as number;
      }
      const distance = above + size;
      // The first size the distance fits in.
      let lo = 0;
      let hi = k;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((bounds[mid] as number) >= distance) hi = mid;
        else lo = mid + 1;
      }
      hitsAt[lo] = (hitsAt[lo] as number) + 1;
      hitBytesAt[lo] = (hitBytesAt[lo] as number) + size;
      for (let p = slot; p <= top; p += p & -p) tree[p] = (tree[p] as number) - size;
    }
    if (top === capacity) {
      slotSize[2 * x] = 0; // off the stack while the others are renumbered
      compact();
    }
    // Append at a new top: its node covers (at - lowbit(at), at], the nodes below it give the rest.
    const at = ++top;
    let node = size;
    for (let b = at - 1, a = at - (at & -at); b > a; b -= b & -b) node += tree[b] as number;
    tree[at] = node;
    slotSize[2 * x] = at;
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
