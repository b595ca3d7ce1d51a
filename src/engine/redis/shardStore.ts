/**
 * A shard's keyspace: reading, writing, deleting keys, with eviction when a limit is reached (see
 * storeSlots.ts for the layout and evictionPool.ts for the choice of victims).
 */
import type { RngState } from '../core/rng.ts';
import { evictOne, evictWhileOver } from './evictionPool.ts';
import { LFU_INIT_VAL, lfuOnAccess } from './lfu.ts';
import { bucketsForAdd } from './memory.ts';
import {
  dropSlot,
  grow,
  growIndex,
  roomBytes,
  slotOf,
  removeSlot,
  setExpiry,
  type ShardStore,
} from './storeSlots.ts';

export * from './storeSlots.ts';

/**
 * GET: the key's version, or -1. Evictions due under maxmemory come first, as before any command. An
 * expired key is deleted on access and counted in `expired`. A hit refreshes the LRU clock, bumps the LFU
 * counter under an LFU policy (drawing from `rng`) and, when `resetTtlMs` is a number, slides the expiry
 * to now + resetTtlMs.
 *
 * @example
 * storeGet(s, 42, now, rng, null); // 1, or -1 on a miss
 */
export function storeGet(
  s: ShardStore,
  key: number,
  now: number,
  rng: RngState,
  resetTtlMs: number | null,
): number {
  if (s.maxMemoryBytes !== null) evictWhileOver(s, now, rng);
  const slot = slotOf(s, key);
  if (slot < 0) return -1;
  if (now >= s.expires[slot]!) {
    dropSlot(s, slot);
    s.expired++;
    return -1;
  }
  if (s.lfuOn) touchLfu(s, slot, now, rng);
  s.lastAccess[slot] = now;
  if (resetTtlMs !== null) setExpiry(s, slot, now + resetTtlMs);
  return s.versions[slot]!;
}

function touchLfu(s: ShardStore, slot: number, now: number, rng: RngState): void {
  const c = s.lfu[slot]!;
  const t = s.lastAccess[slot]!;
  s.lfu[slot] = lfuOnAccess(c, t, now, s.lfuLogFactor, s.lfuDecayTimeMin, rng, s.clockOriginMs);
}

/** A new key in a free slot, growing the keyspace dict's buckets as Redis's dictAdd would. */
function insertSlot(s: ShardStore, key: number): number {
  if (key >= s.index.length) growIndex(s, key);
  if (s.size === s.keys.length) grow(s);
  const buckets = bucketsForAdd(s.size, s.dictBuckets, roomBytes(s));
  s.memoryBytes += 8 * (buckets - s.dictBuckets);
  s.dictBuckets = buckets;
  const slot = s.size++;
  s.keys[slot] = key;
  s.inserted[slot] = s.nextInsert++;
  s.ttlPos[slot] = -1;
  s.index[key] = slot + 1;
  s.bytes[slot] = 0;
  s.lfu[slot] = LFU_INIT_VAL;
  return slot;
}

/**
 * SET: inserts or overwrites an entry of `bytes` bytes (see memory.ts). As in Redis, evictions due under
 * maxmemory run first, while memory is over the limit, and the write itself may then take memory past
 * the limit by up to one entry, until the next command evicts again; when nothing may be evicted
 * (noeviction, a volatile policy without TTLs) a SET arriving over the limit is refused. `maxKeys`, a
 * limit Redis does not have, evicts before a new key so the count never exceeds it. A refused write is
 * counted in `rejectedWrites` and returns false.
 *
 * @example
 * storeSet(s, 42, 2, now + 60_000, now, rng, 1360); // true
 */
export function storeSet(
  s: ShardStore,
  key: number,
  version: number,
  expiresAt: number,
  now: number,
  rng: RngState,
  bytes = 0,
): boolean {
  if (!evictWhileOver(s, now, rng)) return reject(s);
  let slot = slotOf(s, key);
  if (slot >= 0 && now >= s.expires[slot]!) {
    // Redis's lookupKeyWrite expires the old key first, so it counts as expired, then re-adds it.
    dropSlot(s, slot);
    s.expired++;
    slot = -1;
  }
  if (slot < 0) {
    if (!(key >= 0 && Number.isInteger(key)))
      throw new RangeError(`shard keys are integers >= 0, got ${key}`);
    while (s.maxKeys !== null && s.size >= s.maxKeys) if (!evictOne(s, now, rng)) return reject(s);
    slot = insertSlot(s, key);
  } else if (s.lfuOn) touchLfu(s, slot, now, rng);
  s.memoryBytes += bytes - s.bytes[slot]!;
  s.bytes[slot] = bytes;
  s.versions[slot] = version;
  s.lastAccess[slot] = now;
  setExpiry(s, slot, expiresAt);
  return true;
}

function reject(s: ShardStore): false {
  s.rejectedWrites++;
  return false;
}

/** DEL: true if the key was present (an expired, not yet removed key counts as present). */
export function storeDelete(s: ShardStore, key: number): boolean {
  const slot = slotOf(s, key);
  if (slot < 0) return false;
  removeSlot(s, slot);
  return true;
}

/** FLUSHALL, or a restart without persistence: the dicts are freed; counters are kept. */
export function storeClear(s: ShardStore): void {
  for (let i = 0; i < s.size; i++) s.index[s.keys[i]!] = 0; // only its own entries: the index may be shared
  s.size = s.ttlCount = s.poolSize = 0;
  s.dictBuckets = s.expiresBuckets = 0;
  s.memoryBytes = s.baseBytes;
}

export { activeExpireCycle } from './expiry.ts';
export { storeConfigure } from './storeConfigure.ts';
export { storeEntries, storePeek, storeSize, type StoreEntry } from './storeViews.ts';
