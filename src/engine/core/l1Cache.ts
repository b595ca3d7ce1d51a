/**
 * An app instance's in-process cache: integer keys, uint32 versions, an absolute expiry per entry and exact
 * LRU over at most `capacity` keys. Entries live in typed-array slots linked into an intrusive doubly linked
 * recency list (head = most recently used), so hits and evictions are O(1) and allocate nothing. The whole
 * cache is plain data: a snapshot is a structuredClone.
 *
 * Expiry is half-open: an entry set with `expiresAt = t` is served while `now < t` and gone at `now >= t`.
 */
import {
  createSlotIndex,
  indexClear,
  indexFind,
  indexInsert,
  indexRemove,
  type SlotIndex,
} from './slotIndex.ts';

export interface L1Cache {
  /** Maximum number of keys, or null for unbounded. 0 disables the cache (sets are ignored). */
  capacity: number | null;
  /** key -> slot. */
  index: SlotIndex;
  keys: Float64Array;
  versions: Float64Array;
  expires: Float64Array;
  /** Recency links between slots; -1 ends the list. `next` also chains the free slots. */
  prev: Int32Array;
  next: Int32Array;
  head: number;
  tail: number;
  size: number;
  /** Slots ever handed out; slots at or above it have never been used. */
  used: number;
  freeHead: number;
  evictions: number;
}

export interface L1Entry {
  key: number;
  version: number;
  expiresAt: number;
}

const INITIAL_SLOTS = 64;

/**
 * Creates an empty cache. Storage starts small and doubles up to `capacity`, so a large bound costs
 * nothing until it is used. `keyRange`, when given, promises integer keys in [0, keyRange): the key index
 * is then a direct table of that length (4 bytes a key), the fastest lookup there is.
 *
 * @example
 * const c = createL1(1000, 100_000);
 * l1Set(c, 42, 7, 1500);
 * l1Get(c, 42, 1000); // 7
 */
export function createL1(capacity: number | null, keyRange: number | null = null): L1Cache {
  const slots = capacity === null ? INITIAL_SLOTS : Math.max(1, Math.min(capacity, INITIAL_SLOTS));
  return {
    capacity,
    // Sized for what is used, not for what may be: the index doubles as keys come (32 instances with a
    // million-key capacity each would otherwise take 512 MB before the first request).
    index: createSlotIndex(INITIAL_SLOTS, keyRange),
    keys: new Float64Array(slots),
    versions: new Float64Array(slots),
    expires: new Float64Array(slots),
    prev: new Int32Array(slots),
    next: new Int32Array(slots),
    head: -1,
    tail: -1,
    size: 0,
    used: 0,
    freeHead: -1,
    evictions: 0,
  };
}

function grow(c: L1Cache): void {
  const old = c.keys.length;
  const cap = c.capacity === null ? old * 2 : Math.min(c.capacity, old * 2);
  const widen = <T extends Float64Array | Int32Array>(a: T, b: T): T => (b.set(a), b);
  c.keys = widen(c.keys, new Float64Array(cap));
  c.versions = widen(c.versions, new Float64Array(cap));
  c.expires = widen(c.expires, new Float64Array(cap));
  c.prev = widen(c.prev, new Int32Array(cap));
  c.next = widen(c.next, new Int32Array(cap));
}

function unlink(c: L1Cache, slot: number): void {
  const p = c.prev[slot]!;
  const n = c.next[slot]!;
  if (p === -1) c.head = n;
  else c.next[p] = n;
  if (n === -1) c.tail = p;
  else c.prev[n] = p;
}

function pushFront(c: L1Cache, slot: number): void {
  c.prev[slot] = -1;
  c.next[slot] = c.head;
  if (c.head !== -1) c.prev[c.head] = slot;
  c.head = slot;
  if (c.tail === -1) c.tail = slot;
}

function removeSlot(c: L1Cache, slot: number): void {
  unlink(c, slot);
  indexRemove(c.index, c.keys, c.keys[slot]!);
  c.next[slot] = c.freeHead;
  c.freeHead = slot;
  c.size--;
}

/**
 * Looks a key up: its version, or -1 on a miss. An expired entry is removed here (lazy expiry) and counts
 * as a miss; a hit becomes the most recently used entry.
 *
 * @example
 * l1Get(c, 42, now); // -1 when absent or expired
 */
export function l1Get(c: L1Cache, key: number, now: number): number {
  const slot = indexFind(c.index, c.keys, key);
  if (slot < 0) return -1;
  if (now >= c.expires[slot]!) {
    removeSlot(c, slot);
    return -1;
  }
  if (c.head !== slot) {
    unlink(c, slot);
    pushFront(c, slot);
  }
  return c.versions[slot]!;
}

/**
 * Reads an entry for the inspector without changing recency or removing anything.
 *
 * @example
 * l1Peek(c, 42, now); // { version: 7, expiresAt: 1500 } or null
 */
export function l1Peek(c: L1Cache, key: number, now: number): { version: number; expiresAt: number } | null {
  const slot = indexFind(c.index, c.keys, key);
  if (slot < 0 || now >= c.expires[slot]!) return null;
  return { version: c.versions[slot]!, expiresAt: c.expires[slot]! };
}

/**
 * Inserts or overwrites an entry, which becomes the most recently used. When the cache is full, the least
 * recently used entry is evicted (even if it has expired: exact LRU does not look at TTLs).
 *
 * @example
 * l1Set(c, 42, 8, now + 1000); // Infinity for no expiry
 */
export function l1Set(c: L1Cache, key: number, version: number, expiresAt: number): void {
  let slot = indexFind(c.index, c.keys, key);
  if (slot >= 0) {
    unlink(c, slot);
  } else {
    if (c.capacity !== null && c.size >= c.capacity) {
      if (c.tail === -1) return; // capacity 0: the cache holds nothing
      removeSlot(c, c.tail);
      c.evictions++;
    }
    if (c.freeHead !== -1) {
      slot = c.freeHead;
      c.freeHead = c.next[slot]!;
    } else {
      if (c.used === c.keys.length) grow(c);
      slot = c.used++;
    }
    c.keys[slot] = key;
    indexInsert(c.index, c.keys, key, slot, c.size);
    c.size++;
  }
  c.versions[slot] = version;
  c.expires[slot] = expiresAt;
  pushFront(c, slot);
}

/** Removes a key; true if it was present (expired or not). */
export function l1Delete(c: L1Cache, key: number): boolean {
  const slot = indexFind(c.index, c.keys, key);
  if (slot < 0) return false;
  removeSlot(c, slot);
  return true;
}

/**
 * Changes the capacity of a cache in use (a live change): when it now holds more keys than allowed, the
 * least recently used are evicted at once and counted as evictions.
 *
 * @example
 * l1SetCapacity(c, 100); // l1Size(c) <= 100
 */
export function l1SetCapacity(c: L1Cache, capacity: number | null): void {
  c.capacity = capacity;
  while (capacity !== null && c.size > capacity && c.tail !== -1) {
    removeSlot(c, c.tail);
    c.evictions++;
  }
}

/** Empties the cache (an instance restart); storage and the eviction count are kept. */
export function l1Clear(c: L1Cache): void {
  indexClear(c.index);
  c.head = c.tail = c.freeHead = -1;
  c.size = c.used = 0;
}

/** Number of entries held, counting expired ones not yet removed. */
export function l1Size(c: L1Cache): number {
  return c.size;
}

/**
 * Up to `limit` live entries, most recently used first, for the inspector.
 *
 * @example
 * l1Entries(c, now, 20); // [{ key, version, expiresAt }, ...]
 */
export function l1Entries(c: L1Cache, now: number, limit: number): L1Entry[] {
  const out: L1Entry[] = [];
  for (let s = c.head; s !== -1 && out.length < limit; s = c.next[s]!) {
    if (now >= c.expires[s]!) continue;
    out.push({ key: c.keys[s]!, version: c.versions[s]!, expiresAt: c.expires[s]! });
  }
  return out;
}
