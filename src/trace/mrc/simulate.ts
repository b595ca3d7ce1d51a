import type { CurveInput } from './types.ts';

/**
 * One simulation of a cache of `capacity` bytes over the whole input, with libCacheSim's rules: a hit
 * changes nothing but the policy's order; a miss inserts the object, evicting until it fits, unless it
 * is larger than the cache (then it is not kept). Every first request is a miss. Keys are dense ids,
 * so the cache is a few typed arrays indexed by key.
 */
export interface Tally {
  misses: number;
  missBytes: number;
}

/** Exact LRU at one size: a doubly linked list over key ids, evicting from the least recent end. */
export function simulateLru(input: CurveInput, capacity: number): Tally {
  const { key, objectSize, uniqueKeys } = input;
  const prev = new Int32Array(uniqueKeys).fill(-1);
  const next = new Int32Array(uniqueKeys).fill(-1);
  const cached = new Uint8Array(uniqueKeys);
  let head = -1; // most recent
  let tail = -1; // least recent
  let used = 0;
  let misses = 0;
  let missBytes = 0;
  for (let i = 0; i < key.length; i++) {
    const x = key[i] as number;
    const size = objectSize[x] as number;
    if (cached[x]) {
      if (x === head) continue;
      // Unlink, then put at the head.
      const p = prev[x] as number;
      const n = next[x] as number;
      next[p] = n;
      if (n >= 0) prev[n] = p;
      else tail = p;
      prev[x] = -1;
      next[x] = head;
      prev[head] = x;
      head = x;
      continue;
    }
    misses++;
    missBytes += size;
    if (size > capacity) continue;
    while (used + size > capacity) {
      const victim = tail;
      tail = prev[victim] as number;
      if (tail >= 0) next[tail] = -1;
      else head = -1;
      cached[victim] = 0;
      used -= objectSize[victim] as number;
    }
    cached[x] = 1;
    used += size;
    prev[x] = -1;
    next[x] = head;
    if (head >= 0) prev[head] = x;
    else tail = x;
    head = x;
  }
  return { misses, missBytes };
}

/** Exact FIFO at one size: a ring of key ids in insertion order; a hit changes nothing. */
export function simulateFifo(input: CurveInput, capacity: number): Tally {
  const { key, objectSize, uniqueKeys } = input;
  const ring = new Int32Array(uniqueKeys + 1);
  const cached = new Uint8Array(uniqueKeys);
  let first = 0;
  let end = 0;
  let used = 0;
  let misses = 0;
  let missBytes = 0;
  for (let i = 0; i < key.length; i++) {
    const x = key[i] as number;
    if (cached[x]) continue;
    const size = objectSize[x] as number;
    misses++;
    missBytes += size;
    if (size > capacity) continue;
    while (used + size > capacity) {
      const victim = ring[first] as number;
      first = first === uniqueKeys ? 0 : first + 1;
      cached[victim] = 0;
      used -= objectSize[victim] as number;
    }
    cached[x] = 1;
    used += size;
    ring[end] = x;
    end = end === uniqueKeys ? 0 : end + 1;
  }
  return { misses, missBytes };
}
