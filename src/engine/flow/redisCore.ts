/**
 * The Redis figures and settings the flow keeps beside the shard stores: what each entry costs in memory,
 * the stores' limits from the scenario (and their change mid-run), commands refused and reads that fell
 * back, and the figures a run reports about memory, eviction and expiry. (Active expiry and RDB saves
 * are the redisOps mechanism; outages the failures mechanism.)
 */
import { ttlDistribution, ttlRemaining, type TtlDistribution } from '../redis/expiry.ts';
import { EMPTY_NODE_BYTES, entryBytes, entryBytesFor } from '../redis/memory.ts';
import { storeConfigure, type StoreOptions } from '../redis/shardStore.ts';
import type { ShardSummary } from './types.ts';
import { keyName, valueBytesOf } from './keyspace.ts';
import type { Ctx, Model } from './shapes.ts';
import type { RedisCounters, State } from './stateShapes.ts';

export type { RedisCounters };

export const createRedisCounters = (): RedisCounters => ({
  redisErrors: 0,
  redisFallbacks: 0,
});

/** The shard stores' limits and LFU tuning from the scenario. */
export function storeOptionsOf(m: Model): StoreOptions {
  const l2 = m.scenario.cache.l2;
  return {
    maxMemoryBytes: l2.maxMemoryBytes,
    lfuLogFactor: l2.lfuLogFactor,
    lfuDecayTimeMin: l2.lfuDecayTimeMin,
    samples: l2.maxMemorySamples,
    baseBytes: EMPTY_NODE_BYTES,
  };
}

/**
 * Memory one entry of `key` takes in Redis (memory.ts): dict entry, name and value, the value's size per
 * family or `workload.valueBytes`. Cached per key in the model: names never change.
 *
 * @example
 * storeSet(store, key, v, expiresAt, now, rng, entryBytesOf(c.m, key));
 */
export function entryBytesOf(m: Model, key: number): number {
  if (m.groups === null) {
    // `key:<digits>`: computed, not looked up, which spares the hot path a cache miss per SET.
    const own = m.perKey === null ? 0 : (m.perKey.valueBytes?.[key] ?? 0);
    if (own > 0) return entryBytesFor(4 + decimalDigits(key), own);
    return plainEntryBytes(m.scenario.workload.valueBytes, decimalDigits(key));
  }
  const cache = m.entryBytes;
  if (key < cache.length) {
    const b = cache[key]!;
    if (b > 0) return b;
  }
  const b = entryBytes(keyName(key, m), valueBytesOf(m, key));
  if (key < cache.length) cache[key] = b;
  return b;
}

/**
 * `entryBytesFor(4 + digits, valueLen)` for the workload's own value size, remembered per digit count
 * (at most 16 for a double) for the last value size asked: the SETs of a run all share one value size, so
 * each one costs an array read instead of four jemalloc size classes.
 */
let plainValueLen = -1;
const plainByDigits = new Float64Array(17);
function plainEntryBytes(valueLen: number, digits: number): number {
  if (valueLen !== plainValueLen) {
    plainByDigits.fill(0);
    plainValueLen = valueLen;
  }
  let b = plainByDigits[digits]!;
  if (b === 0) b = plainByDigits[digits] = entryBytesFor(4 + digits, valueLen);
  return b;
}

function decimalDigits(n: number): number {
  let d = 1;
  for (let p = 10; p <= n; p *= 10) d++; // multiplications: no division per digit
  return d;
}

/**
 * A change mid-run reached Redis's settings: the stores take the new limits, policy and tuning (evicting
 * down to smaller limits at once).
 *
 * @example
 * reconcileStores(c, before); // after a change of cache.l2.maxKeys
 */
export function reconcileStores(c: Ctx, before: Model): void {
  const l2 = c.m.scenario.cache.l2;
  const old = before.scenario.cache.l2;
  const s = c.s;
  const stores =
    l2.maxKeys !== old.maxKeys ||
    l2.eviction !== old.eviction ||
    l2.maxMemoryBytes !== old.maxMemoryBytes ||
    l2.maxMemorySamples !== old.maxMemorySamples ||
    l2.lfuLogFactor !== old.lfuLogFactor ||
    l2.lfuDecayTimeMin !== old.lfuDecayTimeMin;
  if (!stores) return;
  const options = storeOptionsOf(c.m);
  for (const sh of s.shards) storeConfigure(sh.store, l2.maxKeys, l2.eviction, options, s.now, s.rng);
}

/** The memory and eviction figures of one shard. */
export function shardMemorySummary(
  s: State,
  i: number,
): Pick<ShardSummary, 'memoryBytes' | 'maxMemoryBytes' | 'rejectedWrites'> {
  const st = s.shards[i]!.store;
  return {
    memoryBytes: st.memoryBytes,
    maxMemoryBytes: st.maxMemoryBytes,
    rejectedWrites: st.rejectedWrites,
  };
}

/** TTL left on the live keys of every shard that is up. */
export function liveTtlDistribution(s: State): TtlDistribution {
  return ttlDistribution(
    s.shards.filter((sh) => sh.up).map((sh) => sh.store),
    s.now,
  );
}

/** TTL left (ms) on up to `limit` live keys, spread over every shard that is up. */
export function liveTtlRemaining(s: State, limit: number): number[] {
  return ttlRemaining(
    s.shards.filter((sh) => sh.up).map((sh) => sh.store),
    s.now,
    limit,
  );
}
