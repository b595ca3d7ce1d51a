import type { CurveInput } from './types.ts';
import type { Tally } from './simulate.ts';

/**
 * For each request, the index of the next request to the same key (`length` when there is none):
 * what Belady's policy looks ahead at. One backward pass.
 */
export function nextUses(key: Uint32Array, uniqueKeys: number): Int32Array {
  const next = new Int32Array(key.length);
  const seen = new Int32Array(uniqueKeys).fill(key.length);
  for (let i = key.length - 1; i >= 0; i--) {
    const x = key[i] as number;
    next[i] = seen[x] as number;
    seen[x] = i;
  }
  return next;
}

/**
 * Belady's offline policy at one size, as libCacheSim's `Belady`: a miss inserts the object (unless it
 * is larger than the cache) and evicts the cached objects whose next use is farthest away until it
 * fits. With objects of one size this is optimal (no policy misses less); with sizes that differ it is
 * the usual offline reference, not a bound. Objects never used again are evicted first; which of them
 * goes first changes no hit, so the result is exact whatever the tie.
 */
export function simulateOpt(input: CurveInput, capacity: number, next: Int32Array): Tally {
  const { key, objectSize, uniqueKeys } = input;
  // A binary max-heap of cached key ids ordered by their next use.
  const heap = new Int32Array(uniqueKeys);
  const where = new Int32Array(uniqueKeys).fill(-1);
  const due = new Int32Array(uniqueKeys);
  let count = 0;
  let used = 0;
  let misses = 0;
  let missBytes = 0;

  const place = (at: number, x: number) => {
    heap[at] = x;
    where[x] = at;
  };
  const up = (at: number) => {
    const x = heap[at] as number;
    const d = due[x] as number;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const p = heap[parent] as number;
      if ((due[p] as number) >= d) break;
      place(at, p);
      at = parent;
    }
    place(at, x);
  };
  const down = (at: number) => {
    const x = heap[at] as number;
    const d = due[x] as number;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= count) break;
      const right = child + 1;
      if (right < count && (due[heap[right] as number] as number) > (due[heap[child] as number] as number)) {
        child = right;
      }
      const c = heap[child] as number;
      if ((due[c] as number) <= d) break;
      place(at, c);
      at = child;
    }
    place(at, x);
  };

  for (let i = 0; i < key.length; i++) {
    const x = key[i] as number;
    const at = where[x] as number;
    if (at >= 0) {
      due[x] = next[i] as number; // later than before: the object moves toward the root
      up(at);
      continue;
    }
    const size = objectSize[x] as number;
    misses++;
    missBytes += size;
    if (size > capacity) continue;
    while (used + size > capacity) {
      const victim = heap[0] as number;
      where[victim] = -1;
      used -= objectSize[victim] as number;
      count--;
      if (count > 0) {
        heap[0] = heap[count] as number;
        down(0);
      }
    }
    due[x] = next[i] as number;
    used += size;
    heap[count] = x;
    count++;
    up(count - 1);
  }
  return { misses, missBytes };
}
