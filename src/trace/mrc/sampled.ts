import { createRng, randomInt } from '../../engine/core/rng.ts';
import { LFU_INIT_VAL, LFU_MAX, lfuDecayed, lfuLogIncr } from '../../engine/redis/lfu.ts';
import type { Tally } from './simulate.ts';
import type { CurveInput } from './types.ts';

/**
 * Redis's approximated LRU and LFU at one cache size, by simulation (the exact curves cannot give
 * them: they are not stack policies, and they draw random samples). Each eviction samples
 * `maxmemory-samples` (5) cached keys into an eviction pool of 16 kept sorted by score, then evicts
 * the pool's highest-scoring key still cached, as evict.c does (the engine's `evictionPool.ts` for a
 * shard; this is the same rule over the curves' byte budget). The score is the idle time on Redis's
 * one-second LRU clock (the trace's time), or 255 minus the LFU counter after decay (logarithmic
 * counter, `lfu-log-factor` 10, `lfu-decay-time` 1 minute on the trace's clock, new keys at 5).
 * Otherwise libCacheSim's rules, as the other curves: a miss inserts, evicting until the object fits,
 * unless it is larger than the cache. Seeded: the same input and seed give the same figures.
 */

export type SampledPolicy = 'redis-lru' | 'redis-lfu';

/** Redis's defaults: maxmemory-samples, the eviction pool's size, lfu-log-factor, lfu-decay-time. */
export const REDIS_SAMPLES = 5;
const POOL = 16;
const LOG_FACTOR = 10;
const DECAY_MIN = 1;

export function simulateSampled(
  input: CurveInput,
  capacity: number,
  policy: SampledPolicy,
  timeMs: Float64Array | null,
  seed = 1,
): Tally {
  const { key, objectSize, uniqueKeys } = input;
  const rng = createRng(seed);
  const lfu = policy === 'redis-lfu';
  // Cached keys packed in `keys` (for uniform sampling), `pos` the place of each (-1: not cached).
  const keys = new Int32Array(uniqueKeys);
  const pos = new Int32Array(uniqueKeys).fill(-1);
  const lastMs = new Float64Array(uniqueKeys);
  const counter = new Uint8Array(uniqueKeys);
  const poolKey = new Int32Array(POOL);
  const poolScore = new Float64Array(POOL);
  let poolSize = 0;
  let count = 0;
  let used = 0;
  let misses = 0;
  let missBytes = 0;
  let now = 0;

  const score = (x: number): number =>
    lfu
      ? LFU_MAX - lfuDecayed(counter[x]!, lastMs[x]!, now, DECAY_MIN)
      : // Redis's LRU clock ticks once a second: keys used within the same second tie.
        Math.floor(now / 1000) - Math.floor(lastMs[x]! / 1000);

  const populate = () => {
    for (let n = 0; n < REDIS_SAMPLES; n++) {
      const x = keys[randomInt(rng, count)]!;
      let dup = false;
      for (let j = 0; j < poolSize; j++) if (poolKey[j] === x) dup = true;
      if (dup) continue;
      const s = score(x);
      let k = 0;
      while (k < poolSize && poolScore[k]! < s) k++;
      if (k === 0 && poolSize === POOL) continue;
      if (poolSize < POOL) {
        poolKey.copyWithin(k + 1, k, poolSize);
        poolScore.copyWithin(k + 1, k, poolSize);
        poolSize++;
      } else {
        k--;
        poolKey.copyWithin(0, 1, k + 1);
        poolScore.copyWithin(0, 1, k + 1);
      }
      poolKey[k] = x;
      poolScore[k] = s;
    }
  };

  const evict = () => {
    for (;;) {
      populate();
      while (poolSize > 0) {
        const x = poolKey[--poolSize]!;
        const p = pos[x]!;
        if (p < 0) continue; // evicted since it was pooled
        const last = keys[--count]!;
        keys[p] = last;
        pos[last] = p;
        pos[x] = -1;
        used -= objectSize[x]!;
        return;
      }
    }
  };

  for (let i = 0; i < key.length; i++) {
    const x = key[i]!;
    if (timeMs !== null) now = timeMs[i]!;
    const size = objectSize[x]!;
    if (pos[x]! >= 0) {
      if (lfu) counter[x] = lfuLogIncr(lfuDecayed(counter[x]!, lastMs[x]!, now, DECAY_MIN), LOG_FACTOR, rng);
      lastMs[x] = now;
      continue;
    }
    misses++;
    missBytes += size;
    if (size > capacity) continue;
    while (used + size > capacity) evict();
    pos[x] = count;
    keys[count++] = x;
    used += size;
    lastMs[x] = now;
    // A new key starts at LFU_INIT_VAL (createObject), not incremented by the write that made it.
    counter[x] = LFU_INIT_VAL;
  }
  return { misses, missBytes };
}
