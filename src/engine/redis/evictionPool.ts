/**
 * Redis's approximated LRU (evict.c, evictionPoolPopulate and the pick loop of performEvictions): each
 * eviction samples `maxmemory-samples` random keys into a 16-entry pool kept sorted by idle time, then evicts
 * the pool's idlest entry that still exists. The pool outlives one eviction, so good candidates found earlier
 * are remembered; that is what brings sampled LRU close to exact LRU.
 */
import { randomInt, type RngState } from '../core/rng.ts';
import { EVICTION_POOL_SIZE, slotOf, type ShardStore } from './shardStore.ts';

/**
 * Samples `s.samples` random keys into the pool. Idle time is `now - lastAccess`. A key already pooled is
 * skipped; a key idler than none of a full pool is dropped; otherwise it goes in at its sorted place,
 * pushing out the least idle entry when the pool is full (the same shifts as evict.c).
 */
export function populatePool(s: ShardStore, now: number, rng: RngState): void {
  const keys = s.poolKeys;
  const idles = s.poolIdle;
  for (let n = 0; n < s.samples; n++) {
    const slot = randomInt(rng, s.size);
    const key = s.keys[slot]!;
    let dup = false;
    for (let j = 0; j < s.poolSize; j++) if (keys[j] === key) dup = true;
    if (dup) continue;
    const idle = now - s.lastAccess[slot]!;
    let k = 0;
    while (k < s.poolSize && idles[k]! < idle) k++;
    if (k === 0 && s.poolSize === EVICTION_POOL_SIZE) continue;
    if (s.poolSize < EVICTION_POOL_SIZE) {
      // Room on the right: shift k.. one place right.
      keys.copyWithin(k + 1, k, s.poolSize);
      idles.copyWithin(k + 1, k, s.poolSize);
      s.poolSize++;
    } else {
      // Full: drop entry 0 (the least idle) by shifting 1..k-1 left, and insert at k-1.
      k--;
      keys.copyWithin(0, 1, k + 1);
      idles.copyWithin(0, 1, k + 1);
    }
    keys[k] = key;
    idles[k] = idle;
  }
}

/**
 * Picks the key to evict under allkeys-lru and returns its slot. Pool entries whose key is gone
 * (deleted, expired or evicted since it was pooled) are discarded on the way, as Redis does.
 *
 * @example
 * removeSlot(s, evictLru(s, now, rng)); // the store must be non-empty
 */
export function evictLru(s: ShardStore, now: number, rng: RngState): number {
  for (;;) {
    populatePool(s, now, rng);
    while (s.poolSize > 0) {
      const key = s.poolKeys[--s.poolSize]!;
      const slot = slotOf(s, key);
      if (slot >= 0) return slot;
    }
  }
}
