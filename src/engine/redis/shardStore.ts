/**
 * One Redis shard's keyspace: non-negative integer keys (workload ranks) with a version, an absolute expiry (Infinity = none), the
 * last-access time that LRU idle is measured from, and insertion order. Live keys sit in dense typed-array
 * slots 0..size-1 (removal swaps the last slot into the hole), so a uniformly random key is one draw, as
 * Redis's dictGetRandomKey gives. Keys with a TTL are also listed densely, like Redis's `expires` dict, for
 * active expiry. Everything is plain data: a snapshot is a structuredClone.
 *
 * Expiry is half-open, as in the L1 cache: a key is served while `now < expiresAt`.
 */
import { randomInt, type RngState } from '../core/rng.ts';
import { evictLru } from './evictionPool.ts';

/**
 * What happens when a NEW key would exceed `maxKeys` (Redis's maxmemory-policy, with keys for bytes).
 * To add `volatile-lru`, `allkeys-lfu` or `volatile-ttl`: widen this union and add a case to `evictOne`
 * (the TTL list `ttlSlots` already gives O(1) sampling among volatile keys).
 */
export type EvictionPolicy = 'allkeys-lru' | 'allkeys-random' | 'noeviction';

/** Size of Redis's eviction pool (EVPOOL_SIZE). */
export const EVICTION_POOL_SIZE = 16;

export interface ShardStore {
  maxKeys: number | null;
  eviction: EvictionPolicy;
  /** Keys sampled per eviction (maxmemory-samples). */
  samples: number;
  /** key -> dense slot + 1 (0 = absent), a direct table sized to the largest key seen. */
  index: Int32Array;
  keys: Float64Array;
  versions: Float64Array;
  expires: Float64Array;
  lastAccess: Float64Array;
  /** Insertion sequence number, for listing keys in insertion order. */
  inserted: Float64Array;
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
 * @example
 * const s = createShardStore(10_000, 'allkeys-lru');
 * storeSet(s, 42, 1, Infinity, now, rng);
 */
export function createShardStore(maxKeys: number | null, eviction: EvictionPolicy): ShardStore {
  const n = maxKeys === null ? INITIAL_SLOTS : Math.max(1, Math.min(maxKeys, INITIAL_SLOTS));
  return {
    maxKeys,
    eviction,
    samples: 5,
    index: new Int32Array(1024),
    keys: new Float64Array(n),
    versions: new Float64Array(n),
    expires: new Float64Array(n),
    lastAccess: new Float64Array(n),
    inserted: new Float64Array(n),
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
  s.ttlPos = i32(s.ttlPos);
  s.ttlSlots = i32(s.ttlSlots);
}

/** The key's dense slot, or -1 (also for keys outside the table: negative or fractional ones). */
export function slotOf(s: ShardStore, key: number): number {
  // `?? 0`: a fractional key reads undefined from the table and must miss, not yield NaN.
  return key >= 0 && key < s.index.length ? (s.index[key] ?? 0) - 1 : -1;
}

function growIndex(s: ShardStore, key: number): void {
  let n = s.index.length;
  while (n <= key) n *= 2;
  const bigger = new Int32Array(n);
  bigger.set(s.index);
  s.index = bigger;
}

/** Sets a slot's expiry, keeping the dense TTL list in step. */
function setExpiry(s: ShardStore, slot: number, expiresAt: number): void {
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
  const last = --s.size;
  if (slot === last) return;
  const key = s.keys[last]!;
  s.keys[slot] = key;
  s.versions[slot] = s.versions[last]!;
  s.expires[slot] = s.expires[last]!;
  s.lastAccess[slot] = s.lastAccess[last]!;
  s.inserted[slot] = s.inserted[last]!;
  const p = s.ttlPos[last]!;
  s.ttlPos[slot] = p;
  if (p !== -1) s.ttlSlots[p] = slot;
  s.index[key] = slot + 1;
}

/** Frees room for one new key under the policy; false when nothing may (or can) be evicted. */
function evictOne(s: ShardStore, now: number, rng: RngState): boolean {
  if (s.size === 0) return false;
  switch (s.eviction) {
    case 'noeviction':
      return false;
    case 'allkeys-random':
      removeSlot(s, randomInt(rng, s.size));
      break;
    case 'allkeys-lru':
      removeSlot(s, evictLru(s, now, rng));
      break;
    // Future policies go here: 'volatile-lru' (evictLru over ttlSlots), 'allkeys-lfu', 'volatile-ttl'.
    default: {
      const never: never = s.eviction;
      throw new Error(`unknown eviction policy ${String(never)}`);
    }
  }
  s.evictions++;
  return true;
}

/**
 * GET: the key's version, or -1. An expired key is deleted on access and counted in `expired`. A hit
 * refreshes the LRU clock and, when `resetTtlMs` is a number, slides the expiry to now + resetTtlMs.
 *
 * @example
 * storeGet(s, 42, now, rng, null); // 1, or -1 on a miss
 */
export function storeGet(
  s: ShardStore,
  key: number,
  now: number,
  _rng: RngState,
  resetTtlMs: number | null,
): number {
  const slot = slotOf(s, key);
  if (slot < 0) return -1;
  if (now >= s.expires[slot]!) {
    removeSlot(s, slot);
    s.expired++;
    return -1;
  }
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

/**
 * SET: inserts or overwrites. A new key beyond `maxKeys` first evicts under the policy; with `noeviction`
 * (or nothing left to evict) the write is refused, counted in `rejectedWrites`, and false is returned.
 *
 * @example
 * storeSet(s, 42, 2, now + 60_000, now, rng); // true
 */
export function storeSet(
  s: ShardStore,
  key: number,
  version: number,
  expiresAt: number,
  now: number,
  rng: RngState,
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
    while (s.maxKeys !== null && s.size >= s.maxKeys) {
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
  }
  s.versions[slot] = version;
  s.lastAccess[slot] = now;
  setExpiry(s, slot, expiresAt);
  return true;
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
  s.index.fill(0);
  s.size = s.ttlCount = s.poolSize = 0;
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

/**
 * One pass of Redis's active expiry: sample up to `samples` keys that have a TTL, delete the expired ones,
 * and go again while more than 25 % of the sample had expired. Returns the number removed.
 *
 * @example
 * activeExpireCycle(s, now, rng); // run every 100 ms of simulated time, as Redis's hz 10
 */
export function activeExpireCycle(s: ShardStore, now: number, rng: RngState, samples = 20): number {
  let removed = 0;
  for (;;) {
    const n = Math.min(samples, s.ttlCount);
    if (n === 0) break;
    let expired = 0;
    for (let i = 0; i < n && s.ttlCount > 0; i++) {
      const slot = s.ttlSlots[randomInt(rng, s.ttlCount)]!;
      if (now >= s.expires[slot]!) {
        removeSlot(s, slot);
        expired++;
      }
    }
    removed += expired;
    if (expired * 4 <= n) break;
  }
  s.expired += removed;
  return removed;
}
