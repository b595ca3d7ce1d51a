/**
 * Redis's approximated eviction (evict.c, evictionPoolPopulate and the pick loop of performEvictions): each
 * eviction samples `maxmemory-samples` random keys into a 16-entry pool kept sorted by a score, then evicts
 * the pool's highest-scoring entry that still exists. The pool outlives one eviction, so good candidates
 * found earlier are remembered; that is what brings sampled LRU close to exact LRU. The score is what
 * Redis calls `idle`: the idle time for LRU, as Redis's 1-second LRU clock sees it (clocks.ts), 255 minus
 * the (decayed) counter for LFU, and "how soon it expires" for volatile-ttl. `volatile-*` policies sample
 * among keys with a TTL only.
 */
import { randomInt, type RngState } from '../core/rng.ts';
import { estimateIdleMs } from './clocks.ts';
import { LFU_MAX, lfuDecayed } from './lfu.ts';
import { dropSlot, EVICTION_POOL_SIZE, slotOf, type ShardStore } from './storeSlots.ts';

const isVolatile = (s: ShardStore): boolean => s.eviction === 'volatile-lru' || s.eviction === 'volatile-ttl';

/** Higher means evict sooner. */
function scoreOf(s: ShardStore, slot: number, now: number): number {
  switch (s.eviction) {
    case 'allkeys-lfu':
      return LFU_MAX - lfuDecayed(s.lfu[slot]!, s.lastAccess[slot]!, now, s.lfuDecayTimeMin, s.clockOriginMs);
    case 'volatile-ttl':
      // Redis scores by ULLONG_MAX - expire; the negated expiry orders the same way.
      return -s.expires[slot]!;
    default:
      return estimateIdleMs(now, s.lastAccess[slot]!, s.clockOriginMs);
  }
}

/** A random slot from the policy's candidates: any key, or only keys with a TTL. */
function sampleSlot(s: ShardStore, rng: RngState): number {
  return isVolatile(s) ? s.ttlSlots[randomInt(rng, s.ttlCount)]! : randomInt(rng, s.size);
}

/**
 * Samples `s.samples` candidate keys into the pool. A key already pooled is skipped; a key scoring lower
 * than all of a full pool is dropped; otherwise it goes in at its sorted place, pushing out the lowest
 * entry when the pool is full (the same shifts as evict.c).
 */
export function populatePool(s: ShardStore, now: number, rng: RngState): void {
  const keys = s.poolKeys;
  const idles = s.poolIdle;
  for (let n = 0; n < s.samples; n++) {
    const slot = sampleSlot(s, rng);
    const key = s.keys[slot]!;
    let dup = false;
    for (let j = 0; j < s.poolSize; j++) if (keys[j] === key) dup = true;
    if (dup) continue;
    const idle = scoreOf(s, slot, now);
    let k = 0;
    while (k < s.poolSize && idles[k]! < idle) k++;
    if (k === 0 && s.poolSize === EVICTION_POOL_SIZE) continue;
    if (s.poolSize < EVICTION_POOL_SIZE) {
      // Room on the right: shift k.. one place right.
      keys.copyWithin(k + 1, k, s.poolSize);
      idles.copyWithin(k + 1, k, s.poolSize);
      s.poolSize++;
    } else {
      // Full: drop entry 0 (the lowest) by shifting 1..k-1 left, and insert at k-1.
      k--;
      keys.copyWithin(0, 1, k + 1);
      idles.copyWithin(0, 1, k + 1);
    }
    keys[k] = key;
    idles[k] = idle;
  }
}

/**
 * Picks the key to evict under a pooled policy (LRU, LFU, volatile-ttl) and returns its slot. Pool entries
 * whose key is gone (deleted, expired or evicted since it was pooled), or that lost their TTL under a
 * volatile policy, are discarded on the way, as Redis does.
 *
 * @example
 * removeSlot(s, evictPooled(s, now, rng)); // the policy's candidate set must be non-empty
 */
export function evictPooled(s: ShardStore, now: number, rng: RngState): number {
  const volatile = isVolatile(s);
  for (;;) {
    populatePool(s, now, rng);
    while (s.poolSize > 0) {
      const key = s.poolKeys[--s.poolSize]!;
      const slot = slotOf(s, key);
      if (slot >= 0 && (!volatile || s.ttlPos[slot] !== -1)) return slot;
    }
  }
}

/** The allkeys-lru pick, kept under its old name for callers and tests. */
export const evictLru = evictPooled;

/**
 * Frees room for one entry under the policy; false when nothing may be evicted (noeviction, an empty
 * store, or a volatile policy with no key holding a TTL: Redis then refuses the write too).
 *
 * @example
 * while (tooFull(s)) if (!evictOne(s, now, rng)) return false;
 */
export function evictOne(s: ShardStore, now: number, rng: RngState): boolean {
  if (s.size === 0 || s.eviction === 'noeviction') return false;
  if (isVolatile(s) && s.ttlCount === 0) return false;
  if (s.eviction === 'allkeys-random') dropSlot(s, randomInt(rng, s.size));
  else dropSlot(s, evictPooled(s, now, rng));
  s.evictions++;
  return true;
}

/**
 * Redis's performEvictions, which runs before every command while maxmemory is set: evict under the
 * policy while memory is over the limit. False when still over because nothing may be evicted
 * (noeviction, or a volatile policy with no TTL left): Redis then refuses commands that may add memory.
 *
 * @example
 * if (!evictWhileOver(s, now, rng)) return reject(s); // before a SET
 */
export function evictWhileOver(s: ShardStore, now: number, rng: RngState): boolean {
  while (s.maxMemoryBytes !== null && s.memoryBytes > s.maxMemoryBytes) {
    if (!evictOne(s, now, rng)) return false;
  }
  return true;
}
