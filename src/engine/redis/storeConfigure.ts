/** A live change of a shard's limits and policy (Redis's CONFIG SET maxmemory, maxmemory-policy ...). */
import type { RngState } from '../core/rng.ts';
import { evictOne } from './evictionPool.ts';
import type { EvictionPolicy, ShardStore, StoreOptions } from './storeSlots.ts';

/**
 * Applies new limits, policy and tuning to a store in use (CONFIG SET mid-run). A store over a smaller
 * limit evicts under the policy in force until it fits; when the policy may not evict (noeviction, or a
 * volatile policy with no key holding a TTL) it stays over and refuses new keys until it is below. A new
 * policy empties the eviction pool, whose scores meant something else under the old one.
 *
 * @example
 * storeConfigure(s, 100, 'allkeys-lru', { maxMemoryBytes: null }, now, rng); // storeSize(s) <= 100
 */
export function storeConfigure(
  s: ShardStore,
  maxKeys: number | null,
  eviction: EvictionPolicy,
  options: StoreOptions,
  now: number,
  rng: RngState,
): void {
  if (eviction !== s.eviction) {
    s.eviction = eviction;
    s.lfuOn = eviction === 'allkeys-lfu';
    s.poolSize = 0;
  }
  s.maxKeys = maxKeys;
  s.maxMemoryBytes = options.maxMemoryBytes ?? null;
  s.lfuLogFactor = options.lfuLogFactor ?? s.lfuLogFactor;
  s.lfuDecayTimeMin = options.lfuDecayTimeMin ?? s.lfuDecayTimeMin;
  s.samples = options.samples ?? s.samples;
  const over = () =>
    (s.maxKeys !== null && s.size > s.maxKeys) ||
    (s.maxMemoryBytes !== null && s.memoryBytes > s.maxMemoryBytes);
  while (over()) if (!evictOne(s, now, rng)) break;
}
