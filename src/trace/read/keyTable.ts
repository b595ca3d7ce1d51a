/**
 * Key interning without a JavaScript string per key: keys are hashed and compared as bytes (or as
 * 64-bit integers for oracleGeneral ids), stored once in a growing byte arena, and given dense ids in
 * order of first appearance. A `Map<string, number>` would hold every key as a string that may pin
 * the whole chunk it was cut from; ten million keys here take their bytes plus about 16 bytes each.
 */

const EMPTY = -1;

/** 32-bit FNV-1a over bytes [start, end). */
export function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
  return h >>> 0;
}

/** A 32-bit mix of a 64-bit integer given as two halves (murmur3's finaliser on both). */
export function hashU64(lo: number, hi: number): number {
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A second, independent-looking hash of a key hash: SHARDS samples by it (not by table slot). */
export function sampleHash(h: number): number {
  let x = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

abstract class OpenTable {
  protected slots = new Int32Array(1 << 12).fill(EMPTY);
  protected mask = (1 << 12) - 1;
  protected hashes = new Uint32Array(1 << 10);
  size = 0;

  protected growIds(): void {
    const next = new Uint32Array(this.hashes.length * 2);
    next.set(this.hashes);
    this.hashes = next;
    this.growMore(next.length);
  }

  /** Doubles the slot array when it is half full, re-placing ids by their stored hashes. */
  protected rehashIfFull(): void {
    if (this.size * 2 < this.slots.length) return;
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let s = (this.hashes[id] as number) & mask;
      while (slots[s] !== EMPTY) s = (s + 1) & mask;
      slots[s] = id;
    }
    this.slots = slots;
    this.mask = mask;
  }

  protected abstract growMore(capacity: number): void;
}

/** Keys given as byte ranges (the CSV formats). */
export class BytesKeyTable extends OpenTable {
  private arena = new Uint8Array(1 << 16);
  private arenaUsed = 0;
  private starts = new Float64Array(1 << 10);
  private lengths = new Uint32Array(1 << 10);

  /** The id of key bytes [start, end) of `buf`, whose `hashBytes` is `h`; a new id for a new key. */
  intern(buf: Uint8Array, start: number, end: number, h: number): number {
    const len = end - start;
    let s = h & this.mask;
    for (let id = this.slots[s] as number; id !== EMPTY; id = this.slots[s] as number) {
      if (this.hashes[id] === h && this.lengths[id] === len && this.same(id, buf, start, len)) return id;
      s = (s + 1) & this.mask;
    }
    const id = this.size++;
    if (id >= this.hashes.length) this.growIds();
    if (this.arenaUsed + len > this.arena.length) {
      const next = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + len));
      next.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = next;
    }
    this.arena.set(buf.subarray(start, end), this.arenaUsed);
    this.starts[id] = this.arenaUsed;
    this.lengths[id] = len;
    this.hashes[id] = h;
    this.arenaUsed += len;
    this.slots[s] = id;
    this.rehashIfFull();
    return id;
  }

  private same(id: number, buf: Uint8Array, start: number, len: number): boolean {
    const a = this.starts[id] as number;
    for (let i = 0; i < len; i++) if (this.arena[a + i] !== buf[start + i]) return false;
    return true;
  }

  protected growMore(capacity: number): void {
    const starts = new Float64Array(capacity);
    starts.set(this.starts);
    this.starts = starts;
    const lengths = new Uint32Array(capacity);
    lengths.set(this.lengths);
    this.lengths = lengths;
  }
}

/** Keys that are 64-bit integers (oracleGeneral object ids), given as two 32-bit halves. */
export class U64KeyTable extends OpenTable {
  private lo = new Uint32Array(1 << 10);
  private hi = new Uint32Array(1 << 10);

  intern(lo: number, hi: number, h: number): number {
    let s = h & this.mask;
    for (let id = this.slots[s] as number; id !== EMPTY; id = this.slots[s] as number) {
      if (this.lo[id] === lo && this.hi[id] === hi) return id;
      s = (s + 1) & this.mask;
    }
    const id = this.size++;
    if (id >= this.hashes.length) this.growIds();
    this.lo[id] = lo;
    this.hi[id] = hi;
    this.hashes[id] = h;
    this.slots[s] = id;
    this.rehashIfFull();
    return id;
  }

  protected growMore(capacity: number): void {
    const lo = new Uint32Array(capacity);
    lo.set(this.lo);
    this.lo = lo;
    const hi = new Uint32Array(capacity);
    hi.set(this.hi);
    this.hi = hi;
  }
}
