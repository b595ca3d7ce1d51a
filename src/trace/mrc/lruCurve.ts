import type { CurveInput } from './types.ts';
import { binFinder } from './bins.ts';

/** Positions per block: the tree is over blocks, small enough to stay in the processor's cache. */
const BLOCK_SHIFT = 7;
/** Requests read ahead at a time (a power of two). */
const AHEAD = 32;
/** Where the values read ahead go, so the reads cannot be dropped as unused. */
let readAheadSink = 0;

/**
 * The exact LRU miss counts at many sizes from one pass (Mattson's stack distances, weighted by
 * bytes). Under LRU a cache of S bytes holds the most recently used objects whose sizes sum to at most
 * S, so a request hits exactly when its object's byte stack distance (its size plus the sizes of the
 * distinct objects used since its last request) is at most S. Only the first size the distance fits
 * in matters, not the distance itself, and that is what keeps the pass near the cost of one
 * simulation (`npm run bench:mrc`, docs/traces.md):
 *
 * - Each object sits at the time position of its last use; positions are grouped in blocks of 128,
 *   and a Fenwick tree over the blocks' byte sums (a few hundred KiB, so it stays in cache) gives the
 *   bytes of the blocks above an object's block. The rest of its own block above it adds between 0
 *   and that block's sum minus the object; when no size falls in that range (nearly always) the bin
 *   is known without reading the block, otherwise its positions are summed.
 * - The sum is walked from both ends until the walks meet (the log of the distance in blocks, not of
 *   the tree); the tree holds no node above the top block, so a removal climbs only to the top, and a
 *   new block's node is built from the nodes below it (amortised constant time).
 * - The first size at least a distance is read from a table indexed by the distance's exponent and
 *   leading mantissa bits (`bins.ts`), not a binary search whose branches the processor cannot guess.
 * - Positions are compacted in place when they run out, so they stay about twice the distinct keys;
 *   an object used twice in a row costs nothing.
 * - Every 32 requests, the next 32 objects' positions and the positions they leave are read ahead in
 *   two tight loops (`readAhead`). A request's own work is long and branchy, so its first cache miss
 *   (its object's position, over megabytes) would otherwise wait alone; read ahead together, the
 *   misses overlap, as they do in the simple simulation. The values read are discarded.
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
  const firstBin = binFinder(bounds);
  // hitsAt[j]: requests whose distance falls in (sizes[j-1], sizes[j]], so they hit at sizes[j] and up.
  const hitsAt = new Float64Array(k + 1);
  const hitBytesAt = new Float64Array(k + 1);
  const capacity = Math.max(1024, Math.min(key.length + 1, 2 * uniqueKeys + 2));
  // Each position's object and its size side by side (object -1: the position is dead).
  const posKeySize = new Int32Array(2 * (capacity + 1));
  const blocks = (capacity >> BLOCK_SHIFT) + 1;
  const blockSum = new Float64Array(blocks);
  const tree = new Float64Array(blocks + 1); // Fenwick tree: block b at index b + 1
  // Each object's position and size side by side, so a request reads one cache line for both.
  const slotSize = new Int32Array(2 * uniqueKeys); // a size over 2^31 reads back with >>> 0
  for (let x = 0; x < uniqueKeys; x++) slotSize[2 * x + 1] = objectSize[x] as number;
  let top = 0; // the last position used
  let fenTop = 1; // the tree index of the top's block
  let totalBytes = 0;

  const compact = () => {
    // Move the live positions down to 1..m in order, then rebuild the block sums and the tree.
    let m = 0;
    for (let p = 1; p <= top; p++) {
      const x = posKeySize[2 * p] as number;
      if (x < 0) continue;
      m++;
      posKeySize[2 * m] = x;
      posKeySize[2 * m + 1] = posKeySize[2 * p + 1] as number;
      slotSize[2 * x] = m;
    }
    blockSum.fill(0);
    tree.fill(0);
    for (let p = 1; p <= m; p++) {
      const b = p >> BLOCK_SHIFT;
      blockSum[b] = (blockSum[b] as number) + ((posKeySize[2 * p + 1] as number) >>> 0);
    }
    fenTop = (m >> BLOCK_SHIFT) + 1;
    for (let i = 1; i <= fenTop; i++) {
      tree[i] = (tree[i] as number) + (blockSum[i - 1] as number);
      const parent = i + (i & -i);
      if (parent <= fenTop) tree[parent] = (tree[parent] as number) + (tree[i] as number);
    }
    top = m;
  };

  let touched = 0;
  for (let i = 0; i < key.length; i++) {
    if ((i & (AHEAD - 1)) === 0) touched ^= readAhead(key, i, slotSize, posKeySize);
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
    let bin = k; // a first request misses at every size
    if (slot > 0) {
      const block = slot >> BLOCK_SHIFT;
      // Bytes of the blocks above the object's block: the tree's sum over (block + 1, fenTop].
      let above = 0;
      let a = block + 1;
      let b = fenTop;
      // Two tight loops in turn (each predictable) rather than one that picks a side each step.
      while (a !== b) {
        for (; b > a; b -= b & -b) above += tree[b] as number;
        for (; a > b; a -= a & -a) above -= tree[a] as number;
      }
      const least = above + size;
      bin = firstBin(least);
      const own = blockSum[block] as number;
      if (bin < k && (bounds[bin] as number) < above + own) {
        // A size falls within what the rest of the block may add: sum the block above the object.
        let distance = least;
        const end = Math.min(top, ((block + 1) << BLOCK_SHIFT) - 1);
        for (let p = slot + 1; p <= end; p++) distance += (posKeySize[2 * p + 1] as number) >>> 0;
        while (bin < k && (bounds[bin] as number) < distance) bin++;
      }
      posKeySize[2 * slot] = -1;
      posKeySize[2 * slot + 1] = 0;
      blockSum[block] = own - size;
      for (let p = block + 1; p <= fenTop; p += p & -p) tree[p] = (tree[p] as number) - size;
    }
    hitsAt[bin] = (hitsAt[bin] as number) + 1;
    hitBytesAt[bin] = (hitBytesAt[bin] as number) + size;
    if (top === capacity) compact();
    // Append at a new top; a new block's node covers (f - lowbit(f), f], the nodes below give the rest.
    const at = ++top;
    const block = at >> BLOCK_SHIFT;
    if (block + 1 !== fenTop) {
      const f = block + 1;
      let node = 0;
      for (let b = f - 1, a = f - (f & -f); b > a; b -= b & -b) node += tree[b] as number;
      tree[f] = node;
      fenTop = f;
    }
    posKeySize[2 * at] = x;
    posKeySize[2 * at + 1] = size;
    blockSum[block] = (blockSum[block] as number) + size;
    tree[fenTop] = (tree[fenTop] as number) + size;
    slotSize[2 * x] = at;
  }

  readAheadSink = touched;
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

/**
 * Reads, without using them, each object's position and size for requests i + AHEAD to
 * i + 2 AHEAD - 1, and the position each object of requests i to i + AHEAD - 1 will leave (whose own
 * slot was read ahead the time before), so that those cache lines are loaded together rather than
 * one request at a time. Positions may change before their request: this only warms the cache.
 */
function readAhead(key: Uint32Array, i: number, slotSize: Int32Array, posKeySize: Int32Array): number {
  let sink = readAheadSink; // any start will do
  const far = Math.min(i + 2 * AHEAD, key.length);
  for (let q = i + AHEAD; q < far; q++) sink ^= slotSize[2 * (key[q] as number)] as number;
  const near = Math.min(i + AHEAD, key.length);
  for (let q = i; q < near; q++)
    sink ^= posKeySize[2 * (slotSize[2 * (key[q] as number)] as number)] as number;
  return sink;
}
