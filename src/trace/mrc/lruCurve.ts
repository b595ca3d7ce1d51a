import type { CurveInput } from './types.ts';
import { BinTable } from './bins.ts';

/** Positions per block (a power of two): the tree is over blocks, small enough to stay in cache. */
const BLOCK_SHIFT = 6;
/** Requests read ahead at a time (a power of two). */
const AHEAD = 32;
/** Requests a call of the hot loop takes at most (see `run`). */
const CHUNK = 1024;
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
 * - Each object sits at the time position of its last use; positions are grouped in blocks of 64,
 *   and a segment tree over the blocks' byte sums (512 KiB for a million keys, so it stays in
 *   cache) gives the bytes of the blocks above an object's block: walking up from the block's leaf, each
 *   left child adds its right sibling, and each node on the way loses the object's bytes, in one
 *   loop of fixed length (the tree's height) whose reads do not depend on each other. The top
 *   block's bytes stay out of the tree until the top moves on, so a request adds to no node.
 * - The rest of the object's own block above it adds between 0 and that block's sum minus the
 *   object; when no size falls in that range the bin is known without reading the block, otherwise
 *   the block's positions on the shorter side of the object are summed.
 * - Which positions are live is a bitmap (a bit per position, in cache), so a request clears a bit
 *   rather than writing to the position it leaves in the large arrays; sums multiply by the bit
 *   rather than branch on it.
 * - The first size at least a distance is read from a table indexed by the distance's exponent and
 *   leading mantissa bits (`bins.ts`), not a binary search whose branches the processor cannot guess.
 * - Positions are compacted in place when they run out, so they stay about twice the distinct keys;
 *   an object used twice in a row costs nothing.
 * - Every 32 requests, the next 32 objects' positions are read ahead in a tight loop (`readAhead`):
 *   a request's own work is long, so its first cache miss (its object's position, over megabytes)
 *   would otherwise wait alone; read ahead together, the misses overlap, as they do in the simple
 *   simulation. The values read are discarded.
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
  const { key } = input;
  const k = sizes.length;
  const pass = new Pass(input, sizes);
  const { capacity } = pass;
  // The hot loop runs a chunk at a time, and stops early when the positions run out; compaction,
  // rare, runs here between its runs. Short runs let the loop's exit run (and V8 see it) before the
  // loop is compiled.
  for (let i = 0; i < key.length;) {
    i = run(pass, i, Math.min(key.length, i + CHUNK));
    if (pass.at[TOP] === capacity) compact(pass);
  }
  readAheadSink = (pass.at[TOUCHED] as number) | 0;

  const { hitsAt, hitBytesAt } = pass;
  const misses = new Float64Array(k);
  const missBytes = new Float64Array(k);
  // Every request is in one bin (a first request in the last), so the bins' bytes are the trace's.
  let totalBytes = 0;
  for (let j = 0; j <= k; j++) totalBytes += hitBytesAt[j] as number;
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
 * The pass's arrays, and where it stands between runs of its hot loop. A class rather than an object
 * literal: every pass's object then has the same shape from the start, whereas a literal's second
 * instance is built from a template whose shape differs from the first's, and V8 drops the
 * optimized loop compiled against the first.
 */
class Pass {
  readonly key: Uint32Array;
  /** Each object's position and size side by side, so a request reads one cache line for both. */
  readonly slotSize: Int32Array;
  /** Each position's object and size, and a bit per position set while it is live (its object's last use). */
  readonly posKey: Int32Array;
  readonly posSize: Uint32Array;
  readonly live: Int32Array;
  /** Block b's bytes at node 2^height + b, each node the sum of its two children; node 0 stays 0. */
  readonly tree: Float64Array;
  readonly height: number;
  readonly bounds: Float64Array;
  readonly bins: BinTable;
  /** hitsAt[j]: requests whose distance falls in (sizes[j-1], sizes[j]], so they hit at sizes[j] and up. */
  readonly hitsAt: Float64Array;
  readonly hitBytesAt: Float64Array;
  /** Positions run from 1 to this, about twice the distinct keys, then are compacted. */
  readonly capacity: number;
  /**
   * At TOP the last position used, at TOP_BLOCK its block, at TOP_SUM that block's bytes (not yet in
   * the tree), at TOUCHED what the reads ahead gave. In an array of doubles rather than in fields,
   * so the object's shape does not change (and optimized code is not dropped) when a sum, a small
   * integer at first, becomes a double.
   */
  readonly at = new Float64Array(4);

  constructor({ key, objectSize, uniqueKeys }: CurveInput, sizes: readonly number[]) {
    const capacity = Math.max(1024, Math.min(key.length + 1, 2 * uniqueKeys + 2));
    const blocks = (capacity >> BLOCK_SHIFT) + 1;
    let height = 1;
    while (1 << height < blocks) height++;
    this.key = key;
    this.slotSize = slotsAndSizes(objectSize, uniqueKeys);
    this.posKey = new Int32Array(capacity + 1);
    this.posSize = new Uint32Array(capacity + 1); // a size over 2^31 needs the unsigned array
    this.live = new Int32Array((capacity >> 5) + 1);
    this.tree = new Float64Array(2 << height);
    this.height = height;
    this.bounds = Float64Array.from(sizes);
    this.bins = new BinTable(this.bounds);
    this.hitsAt = new Float64Array(sizes.length + 1);
    this.hitBytesAt = new Float64Array(sizes.length + 1);
    this.capacity = capacity;
  }
}
const TOP = 0;
const TOP_BLOCK = 1;
const TOP_SUM = 2;
const TOUCHED = 3;

/** Each object's position (0, none yet) and size side by side; a size over 2^31 reads back with >>> 0. */
function slotsAndSizes(objectSize: Uint32Array, uniqueKeys: number): Int32Array {
  const slotSize = new Int32Array(2 * uniqueKeys);
  for (let x = 0; x < uniqueKeys; x++) slotSize[2 * x + 1] = objectSize[x] as number;
  return slotSize;
}

/**
 * Runs the requests from `from` to before `to`, or until every position is used (compaction is then
 * due), and returns the first request not run. The hot loop alone, with nothing in it that runs
 * rarely: V8 compiles code that has not run yet as a deoptimization, so a loop holding the
 * compaction, or the tallies after it, was compiled three or four times in its first calls. Called
 * for `CHUNK` requests at a time, it is compiled as a whole function, with feedback for its exit,
 * rather than as a loop on the stack that would be dropped at its exit (docs/traces.md).
 */
function run(pass: Pass, from: number, to: number): number {
  const { key, slotSize, posKey, posSize, live, tree, height, bounds, bins, hitsAt, hitBytesAt, capacity } =
    pass;
  const k = bounds.length;
  const leaf = 1 << height;
  const at = pass.at;
  let top = at[TOP] as number;
  let topBlock = at[TOP_BLOCK] as number;
  let topSum = at[TOP_SUM] as number;
  let touched = at[TOUCHED] as number;
  let i = from;
  for (; i < to && top < capacity; i++) {
    if ((i & (AHEAD - 1)) === 0) touched ^= readAhead(key, i, slotSize);
    const x = key[i] as number;
    const slot = slotSize[2 * x] as number;
    const size = (slotSize[2 * x + 1] as number) >>> 0;
    if (slot === top && slot > 0) {
      // Used again at once: on top of the stack already, a hit at every size it fits.
      hitsAt[0] = (hitsAt[0] as number) + 1;
      hitBytesAt[0] = (hitBytesAt[0] as number) + size;
      continue;
    }
    let bin = k; // a first request misses at every size
    if (slot > 0) {
      const block = slot >> BLOCK_SHIFT;
      let above = 0; // bytes of the blocks above the object's block
      let own = topSum; // bytes of its block, itself included
      if (block !== topBlock) {
        let n = leaf + block;
        own = tree[n] as number;
        // Two levels a step into two sums, so the additions do not wait on each other.
        let aboveOdd = 0;
        let h = height;
        for (; h >= 2; h -= 2) {
          above += tree[(n + 1) & -((n & 1) ^ 1)] as number; // a left child's right sibling, else node 0
          tree[n] = (tree[n] as number) - size;
          n >>= 1;
          aboveOdd += tree[(n + 1) & -((n & 1) ^ 1)] as number;
          tree[n] = (tree[n] as number) - size;
          n >>= 1;
        }
        if (h === 1) {
          above += tree[(n + 1) & -((n & 1) ^ 1)] as number;
          tree[n] = (tree[n] as number) - size;
        }
        above += aboveOdd + topSum;
      } else topSum -= size;
      const least = above + size;
      bin = bins.first(least);
      if (bin < k && (bounds[bin] as number) < above + own) {
        // A size falls within what the rest of the block may add: sum the block on one side.
        const start = block << BLOCK_SHIFT;
        const end = Math.min(top, start + (1 << BLOCK_SHIFT) - 1);
        const below = slot - start < end - slot;
        const sum = liveBytes(posSize, live, below ? start : slot + 1, below ? slot - 1 : end);
        const distance = below ? above + own - sum : least + sum;
        while (bin < k && (bounds[bin] as number) < distance) bin++;
      }
      live[slot >> 5] = (live[slot >> 5] as number) & ~(1 << (slot & 31));
    }
    hitsAt[bin] = (hitsAt[bin] as number) + 1;
    hitBytesAt[bin] = (hitBytesAt[bin] as number) + size;
    const p = ++top;
    if (p >> BLOCK_SHIFT !== topBlock) {
      // The top block is full: its bytes go into the tree.
      for (let n = leaf + topBlock; n >= 1; n >>= 1) tree[n] = (tree[n] as number) + topSum;
      topBlock = p >> BLOCK_SHIFT;
      topSum = 0;
    }
    posKey[p] = x;
    posSize[p] = size;
    live[p >> 5] = (live[p >> 5] as number) | (1 << (p & 31));
    topSum += size;
    slotSize[2 * x] = p;
  }
  at[TOP] = top;
  at[TOP_BLOCK] = topBlock;
  at[TOP_SUM] = topSum;
  at[TOUCHED] = touched;
  return i;
}

/** The bytes of the live positions from..to (inclusive): each size times its live bit, no branch. */
function liveBytes(size: Uint32Array, live: Int32Array, from: number, to: number): number {
  let sum = 0;
  for (let p = from; p <= to; p++) sum += (size[p] as number) * (((live[p >> 5] as number) >>> (p & 31)) & 1);
  return sum;
}

/**
 * Moves the live positions down to 1..m in order (renumbering their objects' slots), then rebuilds
 * the bitmap and the tree over them (`restart`). Distances are sums over positions in order, so they
 * do not change.
 */
function compact(pass: Pass): void {
  pass.tree.fill(0);
  restart(pass, moveLive(pass));
}

/**
 * Moves the live positions down to 1..m in order, adding their bytes to the tree's leaves, and
 * returns m. Live positions are found a word of bits at a time. The loop alone, and code after it
 * in another function: V8 compiles a long loop while it runs, and code after it that has not run
 * yet would drop the compiled loop each time it is reached.
 */
function moveLive({ posKey: key, posSize: size, live, slotSize, tree, height, at }: Pass): number {
  const top = at[TOP] as number;
  const leaf = 1 << height;
  let m = 0;
  for (let w = 0; w <= top >> 5; w++) {
    for (let bits = live[w] as number; bits !== 0;) {
      const low = bits & -bits;
      bits ^= low;
      const p = (w << 5) | (31 - Math.clz32(low));
      const x = key[p] as number;
      const bytes = size[p] as number;
      m++;
      key[m] = x;
      size[m] = bytes;
      slotSize[2 * x] = m;
      tree[leaf + (m >> BLOCK_SHIFT)] = (tree[leaf + (m >> BLOCK_SHIFT)] as number) + bytes;
    }
  }
  return m;
}

/** After `moveLive`: positions 1..m live, the top at m, the tree's inner nodes summed, the top block held out. */
function restart({ live, tree, height, at }: Pass, m: number): void {
  // Whole words of bits, then the last one's low bits, then not position 0.
  live.fill(0);
  live.fill(-1, 0, m >> 5);
  live[m >> 5] = -1 >>> (31 - (m & 31));
  live[0] = (live[0] as number) & ~1;
  const leaf = 1 << height;
  const topBlock = m >> BLOCK_SHIFT;
  at[TOP] = m;
  at[TOP_BLOCK] = topBlock;
  at[TOP_SUM] = tree[leaf + topBlock] as number;
  tree[leaf + topBlock] = 0;
  for (let n = leaf - 1; n >= 1; n--) tree[n] = (tree[2 * n] as number) + (tree[2 * n + 1] as number);
}

/**
 * Reads, without using them, each object's position and size for requests i + AHEAD to
 * i + 2 AHEAD - 1, so that those cache lines are loaded together rather than one request at a time.
 * Positions may change before their request: this only warms the cache.
 */
function readAhead(key: Uint32Array, i: number, slotSize: Int32Array): number {
  let sink = readAheadSink; // any start will do
  const far = Math.min(i + 2 * AHEAD, key.length);
  for (let q = i + AHEAD; q < far; q++) sink ^= slotSize[2 * (key[q] as number)] as number;
  return sink;
}
