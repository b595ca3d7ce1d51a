/**
 * An index from integer keys to slots of a struct-of-arrays table. When the keys are known to lie in
 * [0, keyRange) and that range is affordable, it is a direct table (slot per key) behind a bitset of the
 * keys present: a lookup of an absent key, most of them in a small cache, reads only the bitset, which
 * stays in the CPU cache where the table (4 bytes a key) would not; a removal clears a bit and leaves the
 * table alone. Otherwise it is an open-addressing hash (linear probing, backward-shift deletion, so no
 * tombstones) that stores only slot numbers, the key of a slot being read from the owner's `keys` array.
 * Plain data, unlike a Map: no allocation per insert, a structured clone copies it.
 *
 * @example
 * const ix = createSlotIndex(64); // or createSlotIndex(64, 100_000) for keys 0..99 999
 * indexInsert(ix, keys, 42, 0, 0); // keys[0] === 42
 * indexFind(ix, keys, 42); // 0
 */
export interface SlotIndex {
  /** Direct: the slot of each present key. Hashed: slot + 1 per bucket (0 = empty), a power of two at least twice the slots. */
  table: Int32Array;
  direct: boolean;
  /** Direct: one bit per key, set while the key is present (empty when hashed). */
  present: Uint32Array;
  mask: number;
  /** 32 - log2(table size): the hash keeps the product's top bits. */
  shift: number;
}

/** `keyRange`: every key is an integer in [0, keyRange), so the index can be a direct table. */
export function createSlotIndex(slots: number, keyRange: number | null = null): SlotIndex {
  if (keyRange !== null) {
    const present = new Uint32Array(Math.ceil(keyRange / 32));
    return { table: new Int32Array(keyRange), direct: true, present, mask: 0, shift: 0 };
  }
  let size = 16;
  while (size < slots * 2) size *= 2;
  const present = new Uint32Array(0);
  return { table: new Int32Array(size), direct: false, present, mask: size - 1, shift: 32 - Math.log2(size) };
}

// Fibonacci hashing: the top bits of key times 2^32/phi spread any pattern of integer keys over the table.
const bucketOf = (ix: SlotIndex, key: number): number => Math.imul(key | 0, 0x9e3779b1) >>> ix.shift;

/** The slot holding `key`, or -1. */
export function indexFind(ix: SlotIndex, keys: ArrayLike<number>, key: number): number {
  const table = ix.table;
  if (ix.direct) return (ix.present[key >>> 5]! >>> (key & 31)) & 1 ? table[key]! : -1;
  for (let b = bucketOf(ix, key); ; b = (b + 1) & ix.mask) {
    const e = table[b]!;
    if (e === 0) return -1;
    if (keys[e - 1] === key) return e - 1;
  }
}

/** Records that `slot` holds `key` (not already present). Grows the table when half full. */
export function indexInsert(
  ix: SlotIndex,
  keys: ArrayLike<number>,
  key: number,
  slot: number,
  count: number,
): void {
  if (ix.direct) {
    ix.table[key] = slot;
    ix.present[key >>> 5]! |= 1 << (key & 31);
    return;
  }
  if (2 * (count + 1) > ix.table.length) rebuild(ix, keys, ix.table.length * 2);
  const table = ix.table;
  let b = bucketOf(ix, key);
  while (table[b] !== 0) b = (b + 1) & ix.mask;
  table[b] = slot + 1;
}

/** Forgets `key`, shifting later entries of its probe run back so lookups never stop early. */
export function indexRemove(ix: SlotIndex, keys: ArrayLike<number>, key: number): void {
  const table = ix.table;
  if (ix.direct) {
    ix.present[key >>> 5]! &= ~(1 << (key & 31));
    return;
  }
  const mask = ix.mask;
  let b = bucketOf(ix, key);
  while (table[b] !== 0 && keys[table[b]! - 1] !== key) b = (b + 1) & mask;
  if (table[b] === 0) return;
  let hole = b;
  for (let i = (b + 1) & mask; table[i] !== 0; i = (i + 1) & mask) {
    const home = bucketOf(ix, keys[table[i]! - 1]!);
    // Move the entry into the hole unless its home lies cyclically in (hole, i].
    const between = hole <= i ? home > hole && home <= i : home > hole || home <= i;
    if (!between) {
      table[hole] = table[i]!;
      hole = i;
    }
  }
  table[hole] = 0;
}

export function indexClear(ix: SlotIndex): void {
  if (ix.direct) ix.present.fill(0);
  else ix.table.fill(0);
}

function rebuild(ix: SlotIndex, keys: ArrayLike<number>, size: number): void {
  const old = ix.table;
  ix.table = new Int32Array(size);
  ix.mask = size - 1;
  ix.shift = 32 - Math.log2(size);
  for (let i = 0; i < old.length; i++) {
    const e = old[i]!;
    if (e === 0) continue;
    let b = bucketOf(ix, keys[e - 1]!);
    while (ix.table[b] !== 0) b = (b + 1) & ix.mask;
    ix.table[b] = e;
  }
}
