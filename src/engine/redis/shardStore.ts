/**
 * One Redis shard's keyspace: non-negative integer keys (workload ranks) with a version, an absolute expiry
 * (Infinity = none), the last-access time that LRU idle and LFU decay are measured from, the LFU counter,
 * the entry's size in bytes, and insertion order. Live keys sit in dense typed-array
 * slots 0..size-1 (removal swaps the last slot into the hole), so a uniformly random key is one draw, as
 * Redis's dictGetRandomKey gives. Keys with a TTL are also listed densely, like Redis's `expires` dict, for
 * active expiry. Everything is plain data: a snapshot is a structuredClone.
 *
 * Expiry is half-open, as in the L1 cache: a key is served while `now < expiresAt`.
 */
import type { RngState } from '../core/rng.ts';
import { evictOne } from './evictionPool.ts';
import { LFU_INIT_VAL, lfuOnAccess } from './lfu.ts';

/**
 * What happens when a NEW entry would exceed `maxKeys` or `maxMemoryBytes` (Redis's maxmemory-policy).
 * `volatile-*` policies only consider keys with a TTL (the dense `ttlSlots` list, like Redis's `expires`
 * dict) and refuse the write, as `noeviction` does, when there is none.
 */
export type EvictionPolicy =
  'noeviction' | 'allkeys-lru' | 'volatile-lru' | 'allkeys-lfu' | 'allkeys-random' | 'volatile-ttl';

/** Optional limits and tuning; every field has Redis's default. */
export interface StoreOptions {
  /** maxmemory in bytes; null (the default) for no limit. */
  maxMemoryBytes?: number | null;
  /** lfu-log-factor (default 10). */
  lfuLogFactor?: number;
  /** lfu-decay-time in minutes (default 1; 0 = no decay). */
  lfuDecayTimeMin?: number;
  /** maxmemory-samples: keys sampled per eviction (default 5). */
  samples?: number;
}

/** Size of Redis's eviction pool (EVPOOL_SIZE). */
export const EVICTION_POOL_SIZE = 16;

export interface ShardStore {
  maxKeys: number | null;
  maxMemoryBytes: number | null;
  eviction: EvictionPolicy;
  /** Whether accesses update the LFU counters (only under an LFU policy, as in Redis). */
  lfuOn: boolean;
  lfuLogFactor: number;
  lfuDecayTimeMin: number;
  /** Sum of `bytes` over the live slots. */
  memoryBytes: number;
  /** Keys sampled per eviction (maxmemory-samples). */
  samples: number;
  /** key -> dense slot + 1 (0 = absent), a direct table sized to the largest key seen, or shared. */
  index: Int32Array;
  keys: Float64Array;
  versions: Float64Array;
  expires: Float64Array;
  lastAccess: Float64Array;
  /** Insertion sequence number, for listing keys in insertion order. */
  inserted: Float64Array;
  /** Memory each entry takes (key name + value + overhead), see memory.ts. */
  bytes: Float64Array;
  /** LFU counter per slot (0-255). */
  lfu: Uint8Array;
  /** slot -> position in `ttlSlots`, -1 when the key has no TTL. */
  ttlPos: Int32Array;
  ttlSlots: Int32Array;
  ttlCount: number;
  size: number;
  nextInsert: number;
  /** The LRU eviction pool, sorted by ascending idle time, entries 0..poolSize-1. */
  poolKeys: Float64Array;
  poolIdle: Float64Array;
  poolSize: number;
  evictions: number;
  expired: number;
  rejectedWrites: number;
}

export interface StoreEntry {
  key: number;
  version: number;
  expiresAt: number;
  lastAccess: number;
}

const INITIAL_SLOTS = 64;

/**
 * An empty shard. `maxKeys: null` never evicts; storage grows on demand up to `maxKeys`.
 *
 * `index`, when given, is a key -> slot table shared with other stores whose keys are disjoint from this
 * one's (a cluster's shards: every key lives on exactly one), long enough for every key. Each store writes
 * only its own keys' entries, so the cluster keeps one table instead of one per shard, each as long as
 * the whole key space: less memory, and fewer cache misses on every command.
 *
 * @example
 * const s = createShardStore(10_000, 'allkeys-lru');
 * storeSet(s, 42, 1, Infinity, now, rng);
 */
export function createShardStore(
  maxKeys: number | null,
  eviction: EvictionPolicy,
  options: StoreOptions = {},
  index: Int32Array | null = null,
): ShardStore {
  const n = maxKeys === null ? INITIAL_SLOTS : Math.max(1, Math.min(maxKeys, INITIAL_SLOTS));
  return {
    maxKeys,
    maxMemoryBytes: options.maxMemoryBytes ?? null,
    eviction,
    lfuOn: eviction === 'allkeys-lfu',
    lfuLogFactor: options.lfuLogFactor ?? 10,
    lfuDecayTimeMin: options.lfuDecayTimeMin ?? 1,
    memoryBytes: 0,
    samples: options.samples ?? 5,
    index: index ?? new Int32Array(1024),
    keys: new Float64Array(n),
    versions: new Float64Array(n),
    expires: new Float64Array(n),
    lastAccess: new Float64Array(n),
    inserted: new Float64Array(n),
    bytes: new Float64Array(n),
    lfu: new Uint8Array(n),
    ttlPos: new Int32Array(n),
    ttlSlots: new Int32Array(n),
    ttlCount: 0,
    size: 0,
    nextInsert: 0,
    poolKeys: new Float64Array(EVICTION_POOL_SIZE),
    poolIdle: new Float64Array(EVICTION_POOL_SIZE),
    poolSize: 0,
    evictions: 0,
    expired: 0,
    rejectedWrites: 0,
  };
}

function grow(s: ShardStore): void {
  const old = s.keys.length;
  const n = s.maxKeys === null ? old * 2 : Math.max(old + 1, Math.min(s.maxKeys, old * 2));
  const f64 = (a: Float64Array): Float64Array => {
    const b = new Float64Array(n);
    b.set(a);
    return b;
  };
  const i32 = (a: Int32Array): Int32Array => {
    const b = new Int32Array(n);
    b.set(a);
    return b;
  };
  s.keys = f64(s.keys);
  s.versions = f64(s.versions);
  s.expires = f64(s.expires);
  s.lastAccess = f64(s.lastAccess);
  s.inserted = f64(s.inserted);
  s.bytes = f64(s.bytes);
  const lfu = new Uint8Array(n);
  lfu.set(s.lfu);
  s.lfu = lfu;
  s.ttlPos = i32(s.ttlPos);
  s.ttlSlots = i32(s.ttlSlots);
}

/** The key's dense slot, or -1 (also for keys outside the table: negative or fractional ones). */
export function slotOf(s: ShardStore, key: number): number {
  if (!(key >= 0 && key < s.index.length)) return -1;
  // `?? 0`: a fractional key reads undefined from the table and must miss, not yield NaN.
  const slot = (s.index[key] ?? 0) - 1;
  // A shared index may hold another store's entry for the key: it is this store's only if its slot says so.
  return slot >= 0 && slot < s.size && s.keys[slot] === key ? slot : -1;
}

function growIndex(s: ShardStore, key: number): void {
  let n = Math.max(1, s.index.length);
  while (n <= key) n *= 2;
  const bigger = new Int32Array(n);
  bigger.set(s.index);
  s.index = bigger;
}

/** Sets a slot's expiry, keeping the dense TTL list in step. */
export function setExpiry(s: ShardStore, slot: number, expiresAt: number): void {
  s.expires[slot] = expiresAt;
  const p = s.ttlPos[slot]!;
  if (expiresAt !== Infinity && p === -1) {
    s.ttlPos[slot] = s.ttlCount;
    s.ttlSlots[s.ttlCount++] = slot;
  } else if (expiresAt === Infinity && p !== -1) {
    const moved = s.ttlSlots[--s.ttlCount]!;
    s.ttlSlots[p] = moved;
    s.ttlPos[moved] = p;
    s.ttlPos[slot] = -1;
  }
}

/** Removes the key in `slot`, moving the last slot into its place. */
export function removeSlot(s: ShardStore, slot: number): void {
  setExpiry(s, slot, Infinity);
  s.index[s.keys[slot]!] = 0;
  s.memoryBytes -= s.bytes[slot]!;
  const last = --s.size;
  if (slot === last) return;
  const key = s.keys[last]!;
  s.keys[slot] = key;
  s.versions[slot] = s.versions[last]!;
  s.expires[slot] = s.expires[last]!;
  s.lastAccess[slot] = s.lastAccess[last]!;
  s.inserted[slot] = s.inserted[last]!;
  s.bytes[slot] = s.bytes[last]!;
  s.lfu[slot] = s.lfu[last]!;
  const p = s.ttlPos[last]!;
  s.ttlPos[slot] = p;
  if (p !== -1) s.ttlSlots[p] = slot;
  s.index[key] = slot + 1;
}

/**
 * GET: the key's version, or -1. An expired key is deleted on access and counted in `expired`. A hit
 * refreshes the LRU clock, bumps the LFU counter under an LFU policy (drawing from `rng`) and, when
 * `resetTtlMs` is a number, slides the expiry to now + resetTtlMs.
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
  const slot = slotOf(s, key);
  if (slot < 0) return -1;
  if (now >= s.expires[slot]!) {
    removeSlot(s, slot);
    s.expired++;
    return -1;
  }
  if (s.lfuOn) touchLfu(s, slot, now, rng);
  s.lastAccess[slot] = now;
  if (resetTtlMs !== null) setExpiry(s, slot, now + resetTtlMs);
  return s.versions[slot]!;
}

/** Reads a key for the inspector with no side effects; null when absent or expired. */
export function storePeek(
  s: ShardStore,
  key: number,
  now: number,
): { version: number; expiresAt: number } | null {
  const slot = slotOf(s, key);
  if (slot < 0 || now >= s.expires[slot]!) return null;
  return { version: s.versions[slot]!, expiresAt: s.expires[slot]! };
}

function touchLfu(s: ShardStore, slot: number, now: number, rng: RngState): void {
  const c = s.lfu[slot]!;
  s.lfu[slot] = lfuOnAccess(c, s.lastAccess[slot]!, now, s.lfuLogFactor, s.lfuDecayTimeMin, rng);
}

/** Whether `extra` more bytes and `newKeys` more keys would break a limit. */
function overLimit(s: ShardStore, newKeys: number, extra: number): boolean {
  return (
    (s.maxKeys !== null && s.size + newKeys > s.maxKeys) ||
    (s.maxMemoryBytes !== null && s.memoryBytes + extra > s.maxMemoryBytes)
  );
}

/**
 * SET: inserts or overwrites an entry of `bytes` bytes. When the entry would break `maxKeys` or
 * `maxMemoryBytes`, entries are evicted under the policy until it fits; with `noeviction` (or nothing left
 * that the policy may evict) the write is refused, counted in `rejectedWrites`, and false is returned.
 * Unlike Redis, which evicts before a command only once memory is already over the limit, this keeps
 * memory at or under the limit at all times, so a figure over 100 % never shows up.
 *
 * @example
 * storeSet(s, 42, 2, now + 60_000, now, rng, 1080); // true
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
  let slot = slotOf(s, key);
  if (slot >= 0 && now >= s.expires[slot]!) {
    // Redis's lookupKeyWrite expires the old key first, so it counts as expired, then re-adds it.
    removeSlot(s, slot);
    s.expired++;
    slot = -1;
  }
  if (slot < 0) {
    if (!(key >= 0 && Number.isInteger(key)))
      throw new RangeError(`shard keys are integers >= 0, got ${key}`);
    if (key >= s.index.length) growIndex(s, key);
    while (overLimit(s, 1, bytes)) {
      if (!evictOne(s, now, rng)) {
        s.rejectedWrites++;
        return false;
      }
    }
    if (s.size === s.keys.length) grow(s);
    slot = s.size++;
    s.keys[slot] = key;
    s.inserted[slot] = s.nextInsert++;
    s.ttlPos[slot] = -1;
    s.index[key] = slot + 1;
    s.bytes[slot] = 0;
    s.lfu[slot] = LFU_INIT_VAL;
  } else {
    if (s.maxMemoryBytes !== null && bytes > s.bytes[slot]!) {
      // A bigger value needs room too; if the policy picks the key itself, the write is refused.
      if (!makeRoomForGrowth(s, key, bytes - s.bytes[slot]!, now, rng)) return false;
      slot = slotOf(s, key);
    }
    if (s.lfuOn) touchLfu(s, slot, now, rng);
  }
  s.memoryBytes += bytes - s.bytes[slot]!;
  s.bytes[slot] = bytes;
  s.versions[slot] = version;
  s.lastAccess[slot] = now;
  setExpiry(s, slot, expiresAt);
  return true;
}

function makeRoomForGrowth(s: ShardStore, key: number, extra: number, now: number, rng: RngState): boolean {
  while (overLimit(s, 0, extra)) {
    if (s.size <= 1 || !evictOne(s, now, rng) || slotOf(s, key) < 0) {
      s.rejectedWrites++;
      return false;
    }
  }
  return true;
}

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
  while (overLimit(s, 0, 0)) if (!evictOne(s, now, rng)) break;
}

/** DEL: true if the key was present (an expired, not yet removed key counts as present). */
export function storeDelete(s: ShardStore, key: number): boolean {
  const slot = slotOf(s, key);
  if (slot < 0) return false;
  removeSlot(s, slot);
  return true;
}

/** FLUSHALL, or a restart without persistence; counters are kept. */
export function storeClear(s: ShardStore): void {
  for (let i = 0; i < s.size; i++) s.index[s.keys[i]!] = 0; // only its own entries: the index may be shared
  s.size = s.ttlCount = s.poolSize = 0;
  s.memoryBytes = 0;
}

/** Keys held, including expired keys not yet removed (as Redis's DBSIZE). */
export function storeSize(s: ShardStore): number {
  return s.size;
}

/**
 * Up to `limit` live keys in insertion order, for the inspector (sorts: O(n log n), not for hot paths).
 *
 * @example
 * storeEntries(s, now, 20); // [{ key, version, expiresAt, lastAccess }, ...]
 */
export function storeEntries(s: ShardStore, now: number, limit: number): StoreEntry[] {
  const slots: number[] = [];
  for (let i = 0; i < s.size; i++) if (now < s.expires[i]!) slots.push(i);
  slots.sort((a, b) => s.inserted[a]! - s.inserted[b]!);
  return slots.slice(0, limit).map((i) => ({
    key: s.keys[i]!,
    version: s.versions[i]!,
    expiresAt: s.expires[i]!,
    lastAccess: s.lastAccess[i]!,
  }));
}

export { activeExpireCycle } from './expiry.ts';
