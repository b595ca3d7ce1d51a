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
import { bucketsAfterRemove, bucketsForAdd, EXPIRES_ENTRY_BYTES, jemallocSize } from './memory.ts';

/**
 * What happens when a new entry would exceed `maxKeys`, or memory is over `maxMemoryBytes` (Redis's
 * maxmemory-policy). `volatile-*` policies only consider keys with a TTL (the dense `ttlSlots` list, like
 * Redis's `expires` dict) and refuse the write, as `noeviction` does, when there is none.
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
  /** Memory the node uses with no keys (default 0; the simulation passes EMPTY_NODE_BYTES). */
  baseBytes?: number;
  /** The wall time (ms) the store's t = 0 stands for on Redis's LRU and LFU clocks (default 0). */
  clockOriginMs?: number;
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
  /**
   * What Redis would report as used_memory: `baseBytes`, the entries' `bytes`, an `expires` entry per key
   * with a TTL, and 8 bytes per bucket of both dicts (see memory.ts).
   */
  memoryBytes: number;
  baseBytes: number;
  /** Buckets of the keyspace dict and of the `expires` dict (0 until the first entry). */
  dictBuckets: number;
  expiresBuckets: number;
  clockOriginMs: number;
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
  /** Memory each entry takes (dict entry, name, value), see memory.ts. */
  bytes: Float64Array;
  /** LFU counter per slot (0-255). */
  lfu: Uint8Array;
  /** slot -> position in `ttlSlots`, -1 when the key has no TTL. */
  ttlPos: Int32Array;
  ttlSlots: Int32Array;
  ttlCount: number;
  /** Where the active expiry's walk over `ttlSlots` goes on from. */
  expireCursor: number;
  size: number;
  nextInsert: number;
  /** The LRU eviction pool, sorted by ascending idle time, entries 0..poolSize-1. */
  poolKeys: Float64Array;
  poolIdle: Float64Array;
  poolSize: number;
  evictions: number;
  expired: number;
  rejectedWrites: number;
  /**
   * Keys that left by themselves (expired, lazily or actively, or evicted), in order, while a reader
   * asked for them (an array; null, the default, records nothing). Redis tells its tracking clients of
   * these as of any other change; whoever set the array empties it.
   */
  gone: number[] | null;
}

export const INITIAL_SLOTS = 64;

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
    memoryBytes: options.baseBytes ?? 0,
    baseBytes: options.baseBytes ?? 0,
    dictBuckets: 0,
    expiresBuckets: 0,
    clockOriginMs: options.clockOriginMs ?? 0,
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
    expireCursor: 0,
    size: 0,
    nextInsert: 0,
    poolKeys: new Float64Array(EVICTION_POOL_SIZE),
    poolIdle: new Float64Array(EVICTION_POOL_SIZE),
    poolSize: 0,
    evictions: 0,
    expired: 0,
    rejectedWrites: 0,
    gone: null,
  };
}

export function grow(s: ShardStore): void {
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

export function growIndex(s: ShardStore, key: number): void {
  let n = Math.max(1, s.index.length);
  while (n <= key) n *= 2;
  const bigger = new Int32Array(n);
  bigger.set(s.index);
  s.index = bigger;
}

/** What maxmemory leaves for a new allocation (Infinity without a limit). */
export function roomBytes(s: ShardStore): number {
  return s.maxMemoryBytes === null ? Infinity : Math.max(0, s.maxMemoryBytes - s.memoryBytes);
}

export const EXPIRES_ENTRY = jemallocSize(EXPIRES_ENTRY_BYTES);

/** Sets a slot's expiry, keeping the dense TTL list (Redis's `expires` dict) and its memory in step. */
export function setExpiry(s: ShardStore, slot: number, expiresAt: number): void {
  s.expires[slot] = expiresAt;
  const p = s.ttlPos[slot]!;
  if (expiresAt !== Infinity && p === -1) {
    const buckets = bucketsForAdd(s.ttlCount, s.expiresBuckets, roomBytes(s));
    s.memoryBytes += EXPIRES_ENTRY + 8 * (buckets - s.expiresBuckets);
    s.expiresBuckets = buckets;
    // A hash of the key picks the new entry's place, and the key there moves to the end: the list stays
    // in no particular order of insertion, as the keys in a hash table's buckets, so the active expiry's
    // walk over it meets old and new keys mixed, as Redis's walk over the buckets does.
    const at = hashPlace(s.keys[slot]!, s.ttlCount);
    if (at < s.ttlCount) {
      const moved = s.ttlSlots[at]!;
      s.ttlSlots[s.ttlCount] = moved;
      s.ttlPos[moved] = s.ttlCount;
    }
    s.ttlCount++;
    s.ttlSlots[at] = slot;
    s.ttlPos[slot] = at;
  } else if (expiresAt === Infinity && p !== -1) {
    const moved = s.ttlSlots[--s.ttlCount]!;
    s.ttlSlots[p] = moved;
    s.ttlPos[moved] = p;
    s.ttlPos[slot] = -1;
    const buckets = bucketsAfterRemove(s.ttlCount, s.expiresBuckets);
    s.memoryBytes -= EXPIRES_ENTRY + 8 * (s.expiresBuckets - buckets);
    s.expiresBuckets = buckets;
  }
}

/** A place in 0..n for key `key` (n + 1 choices), from a 32-bit mix of the key and n (MurmurHash3's). */
export function hashPlace(key: number, n: number): number {
  let h = key ^ Math.imul(n, 0x9e3779b9);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) % (n + 1);
}

/** Removes the key in `slot` because it expired or was evicted: recorded in `gone` when asked for. */
export function dropSlot(s: ShardStore, slot: number): void {
  if (s.gone !== null) s.gone.push(s.keys[slot]!);
  removeSlot(s, slot);
}

/** Removes the key in `slot`, moving the last slot into its place. */
export function removeSlot(s: ShardStore, slot: number): void {
  setExpiry(s, slot, Infinity);
  s.index[s.keys[slot]!] = 0;
  s.memoryBytes -= s.bytes[slot]!;
  const last = --s.size;
  const buckets = bucketsAfterRemove(s.size, s.dictBuckets);
  s.memoryBytes -= 8 * (s.dictBuckets - buckets);
  s.dictBuckets = buckets;
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
