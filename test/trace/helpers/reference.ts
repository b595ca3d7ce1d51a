/**
 * Straightforward cache simulators, written independently of src/trace/mrc: a JavaScript Map as the
 * cache (its insertion order is the LRU or FIFO order), string-free but otherwise as a textbook would
 * write them. The one-pass curve and the typed-array simulators are checked against these.
 */
export interface RefTally {
  misses: number;
  missBytes: number;
}

/** Object sizes as the curves take them: each key's size is that of its last request. */
export function lastSizes(keys: readonly number[], sizes: readonly number[]): Map<number, number> {
  const m = new Map<number, number>();
  keys.forEach((k, i) => m.set(k, sizes[i] as number));
  return m;
}

export function refLru(keys: readonly number[], size: Map<number, number>, capacity: number): RefTally {
  const cache = new Map<number, number>();
  let used = 0;
  let misses = 0;
  let missBytes = 0;
  for (const k of keys) {
    const s = size.get(k) as number;
    if (cache.has(k)) {
      cache.delete(k);
      cache.set(k, s);
      continue;
    }
    misses++;
    missBytes += s;
    if (s > capacity) continue;
    while (used + s > capacity) {
      const [victim, vs] = cache.entries().next().value as [number, number];
      cache.delete(victim);
      used -= vs;
    }
    cache.set(k, s);
    used += s;
  }
  return { misses, missBytes };
}

export function refFifo(keys: readonly number[], size: Map<number, number>, capacity: number): RefTally {
  const cache = new Map<number, number>();
  let used = 0;
  let misses = 0;
  let missBytes = 0;
  for (const k of keys) {
    const s = size.get(k) as number;
    if (cache.has(k)) continue;
    misses++;
    missBytes += s;
    if (s > capacity) continue;
    while (used + s > capacity) {
      const [victim, vs] = cache.entries().next().value as [number, number];
      cache.delete(victim);
      used -= vs;
    }
    cache.set(k, s);
    used += s;
  }
  return { misses, missBytes };
}

/** Belady by brute force: on each eviction, scan the cache for the object used farthest ahead. */
export function refOpt(keys: readonly number[], size: Map<number, number>, capacity: number): RefTally {
  const cache = new Set<number>();
  let used = 0;
  let misses = 0;
  let missBytes = 0;
  const nextUse = (k: number, from: number): number => {
    for (let j = from; j < keys.length; j++) if (keys[j] === k) return j;
    return Infinity;
  };
  keys.forEach((k, i) => {
    const s = size.get(k) as number;
    if (cache.has(k)) return;
    misses++;
    missBytes += s;
    if (s > capacity) return;
    while (used + s > capacity) {
      let victim = -1;
      let farthest = -1;
      for (const c of cache) {
        const n = nextUse(c, i + 1);
        if (n > farthest) {
          farthest = n;
          victim = c;
        }
      }
      cache.delete(victim);
      used -= size.get(victim) as number;
    }
    cache.add(k);
    used += s;
  });
  return { misses, missBytes };
}
