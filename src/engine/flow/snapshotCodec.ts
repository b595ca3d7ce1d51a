/**
 * A compact deep copy of the simulation's plain-data state, for snapshots. Most of the memory is in
 * typed arrays that are mostly one value: per-key database versions that were never written, hash
 * indexes that are mostly empty, job tables sized for a peak. Those are kept as the indices and values
 * of the elements that differ from that background value; the rest are copied as they are. Elements
 * are compared as integers of their own width (8-byte ones as two 32-bit words), so -0, NaN payloads
 * and every other bit pattern come back exactly.
 */

type TypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;
type TypedCtor = new (length: number) => TypedArray;
type Words = Uint8Array | Uint16Array | Uint32Array;

/** A typed array kept as the elements that differ from a background value. */
class SparseArray {
  constructor(
    readonly ctor: TypedCtor,
    readonly length: number,
    /** The background element as words (two for 8-byte elements). */
    readonly background: Words,
    readonly index: Uint32Array,
    /** The differing elements' words, `wordsPer` per element. */
    readonly words: Words,
  ) {}
}

/** A plain object or array whose members were encoded (kept apart from state values by class). */
class Packed {
  constructor(
    readonly kind: 'object' | 'array' | 'map',
    readonly body: unknown,
  ) {}
}

/** A sparse array costs 4 bytes of index per element kept: worth it below this share of elements. */
const SPARSE_SHARE = 0.4;

/** Bytes held by a snapshot and by the state it was taken from, for memory accounting. */
export interface CodecStats {
  bytes: number;
  rawBytes: number;
}

function wordsOf(a: TypedArray): { words: Words; per: number } | null {
  const size = a.BYTES_PER_ELEMENT;
  const { buffer, byteOffset, length } = a;
  if (size === 1) return { words: new Uint8Array(buffer, byteOffset, length), per: 1 };
  if (byteOffset % size !== 0) return null;
  if (size === 2) return { words: new Uint16Array(buffer, byteOffset, length), per: 1 };
  if (size === 4) return { words: new Uint32Array(buffer, byteOffset, length), per: 1 };
  return { words: new Uint32Array(buffer, byteOffset, length * 2), per: 2 };
}

/** Reused between snapshots: the indices and words of the elements kept while scanning an array. */
let scratchIndex = new Uint32Array(1024);
let scratchWords = new Uint32Array(2048);

/**
 * Collects the elements of `w` that differ from the background (`b0`, and `b1` for 8-byte elements)
 * into the scratch arrays, in one pass; gives up (-1) as soon as more than `cap` differ.
 */
function collect(w: Words, per: number, b0: number, b1: number, cap: number): number {
  if (scratchIndex.length < cap) scratchIndex = new Uint32Array(cap);
  if (scratchWords.length < cap * per) scratchWords = new Uint32Array(cap * per);
  const index = scratchIndex;
  const words = scratchWords;
  let n = 0;
  if (per === 1) {
    for (let i = 0; i < w.length; i++) {
      const x = w[i]!;
      if (x === b0) continue;
      if (n === cap) return -1;
      index[n] = i;
      words[n++] = x;
    }
  } else {
    for (let i = 0, e = 0; i < w.length; i += 2, e++) {
      const lo = w[i]!;
      const hi = w[i + 1]!;
      if (lo === b0 && hi === b1) continue;
      if (n === cap) return -1;
      index[n] = e;
      words[2 * n] = lo;
      words[2 * n + 1] = hi;
      n++;
    }
  }
  return n;
}

function packTyped(a: TypedArray, stats: CodecStats): TypedArray | SparseArray {
  stats.rawBytes += a.byteLength;
  const view = a.length > 0 ? wordsOf(a) : null;
  if (view !== null) {
    const { words: w, per } = view;
    const cap = Math.floor(a.length * SPARSE_SHARE);
    // Zero first (the common background, and one pass); else the first element's value.
    let b0 = 0;
    let b1 = 0;
    let n = collect(w, per, 0, 0, cap);
    if (n < 0 && (w[0] !== 0 || (per === 2 && w[1] !== 0))) {
      b0 = w[0]!;
      b1 = per === 2 ? w[1]! : 0;
      n = collect(w, per, b0, b1, cap);
    }
    if (n >= 0) {
      const WordCtor = w.constructor as new (n: number) => Words;
      const bg = new WordCtor(per);
      bg[0] = b0;
      if (per === 2) bg[1] = b1;
      const index = scratchIndex.slice(0, n);
      const words = new WordCtor(n * per);
      for (let k = 0; k < n * per; k++) words[k] = scratchWords[k]!;
      stats.bytes += index.byteLength + words.byteLength + 64;
      return new SparseArray(a.constructor as TypedCtor, a.length, bg, index, words);
    }
  }
  stats.bytes += a.byteLength + 64;
  return a.slice();
}

function unpackSparse(p: SparseArray): TypedArray {
  const out = new p.ctor(p.length);
  const view = wordsOf(out)!;
  const w = view.words;
  const per = view.per;
  if (p.background.some((x) => x !== 0)) {
    for (let i = 0; i < w.length; i += per) for (let k = 0; k < per; k++) w[i + k] = p.background[k]!;
  }
  const { index, words } = p;
  if (per === 1) for (let n = 0; n < index.length; n++) w[index[n]!] = words[n]!;
  else {
    for (let n = 0; n < index.length; n++) {
      const at = index[n]! * 2;
      w[at] = words[n * 2]!;
      w[at + 1] = words[n * 2 + 1]!;
    }
  }
  return out;
}

/**
 * Encodes a plain-data value (numbers, strings, booleans, null, typed arrays, arrays, Maps and plain
 * objects, nested). An object reached twice is encoded once and comes back shared, as with
 * `structuredClone`.
 *
 * @example
 * const stats = { bytes: 0, rawBytes: 0 };
 * const packed = encodeState({ versions: new Float64Array(100_000) }, stats); // stats.bytes is ~100
 * const state = decodeState(packed) as { versions: Float64Array };
 */
export function encodeState(value: unknown, stats: CodecStats): unknown {
  const seen = new Map<object, unknown>();
  const enc = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    const known = seen.get(v);
    if (known !== undefined) return known;
    let out: unknown;
    if (ArrayBuffer.isView(v)) {
      if (v instanceof DataView) throw new Error('snapshot: DataView is not supported in the state');
      out = packTyped(v as TypedArray, stats);
    } else if (Array.isArray(v)) {
      const body: unknown[] = new Array(v.length);
      out = new Packed('array', body);
      seen.set(v, out);
      for (let i = 0; i < v.length; i++) body[i] = enc(v[i]);
      stats.bytes += 8 * v.length;
      return out;
    } else if (v instanceof Map) {
      const body: unknown[] = [];
      out = new Packed('map', body);
      seen.set(v, out);
      for (const [k, x] of v) body.push(enc(k), enc(x));
      stats.bytes += 16 * v.size;
      return out;
    } else {
      const body: Record<string, unknown> = {};
      out = new Packed('object', body);
      seen.set(v, out);
      const keys = Object.keys(v);
      for (const k of keys) body[k] = enc((v as Record<string, unknown>)[k]);
      stats.bytes += 16 + 8 * keys.length;
      return out;
    }
    seen.set(v, out);
    return out;
  };
  return enc(value);
}

/** Builds a fresh, independent copy of the value `encodeState` encoded. */
export function decodeState(packed: unknown): unknown {
  const seen = new Map<object, unknown>();
  const dec = (p: unknown): unknown => {
    if (typeof p !== 'object' || p === null) return p;
    const known = seen.get(p);
    if (known !== undefined) return known;
    if (p instanceof SparseArray) {
      const out = unpackSparse(p);
      seen.set(p, out);
      return out;
    }
    if (ArrayBuffer.isView(p)) {
      const out = (p as TypedArray).slice();
      seen.set(p, out);
      return out;
    }
    if (!(p instanceof Packed)) throw new Error('snapshot: not an encoded state');
    if (p.kind === 'array') {
      const body = p.body as unknown[];
      const out: unknown[] = new Array(body.length);
      seen.set(p, out);
      for (let i = 0; i < body.length; i++) out[i] = dec(body[i]);
      return out;
    }
    if (p.kind === 'map') {
      const body = p.body as unknown[];
      const out = new Map<unknown, unknown>();
      seen.set(p, out);
      for (let i = 0; i < body.length; i += 2) out.set(dec(body[i]), dec(body[i + 1]));
      return out;
    }
    const body = p.body as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    seen.set(p, out);
    for (const k of Object.keys(body)) out[k] = dec(body[k]);
    return out;
  };
  return dec(packed);
}
