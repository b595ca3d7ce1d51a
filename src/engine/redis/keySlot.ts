/**
 * Redis Cluster key slots, bit for bit as redis/src/cluster.c (keyHashSlot) and crc16.c compute them:
 * CRC16-XMODEM over the key's UTF-8 bytes, modulo 16384, honouring `{hash tags}`. Slots are split in
 * contiguous ranges exactly as `redis-cli --cluster create` assigns them, so the stage shows the same
 * shard a real cluster would pick.
 */

/** Number of hash slots in a Redis Cluster. */
export const SLOT_COUNT = 16384;

/** CRC16-XMODEM lookup table (polynomial 0x1021), built once at module load. */
const CRC_TABLE: Uint16Array = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let crc = i << 8;
    for (let b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    t[i] = crc;
  }
  return t;
})();

function crcByte(crc: number, byte: number): number {
  return ((crc << 8) & 0xffff) ^ CRC_TABLE[((crc >>> 8) ^ byte) & 0xff]!;
}

/**
 * CRC16-XMODEM (poly 0x1021, init 0, no reflection, no final xor), table-driven like Redis's crc16.c.
 *
 * @example
 * crc16(new TextEncoder().encode('123456789')); // 0x31c3
 */
export function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (let i = 0; i < bytes.length; i++) crc = crcByte(crc, bytes[i]!);
  return crc;
}

/**
 * CRC16 of the UTF-8 encoding of `s[start, end)`, encoded on the fly so a lookup allocates nothing.
 * Lone surrogates become U+FFFD, as TextEncoder does, so the result equals crc16(encode(s)).
 */
function crc16Utf8(s: string, start: number, end: number): number {
  let crc = 0;
  for (let i = start; i < end; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      const lo = i + 1 < end ? s.charCodeAt(i + 1) : 0;
      if (cp <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      } else cp = 0xfffd;
    }
    if (cp < 0x80) crc = crcByte(crc, cp);
    else if (cp < 0x800) {
      crc = crcByte(crc, 0xc0 | (cp >> 6));
      crc = crcByte(crc, 0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      crc = crcByte(crc, 0xe0 | (cp >> 12));
      crc = crcByte(crc, 0x80 | ((cp >> 6) & 0x3f));
      crc = crcByte(crc, 0x80 | (cp & 0x3f));
    } else {
      crc = crcByte(crc, 0xf0 | (cp >> 18));
      crc = crcByte(crc, 0x80 | ((cp >> 12) & 0x3f));
      crc = crcByte(crc, 0x80 | ((cp >> 6) & 0x3f));
      crc = crcByte(crc, 0x80 | (cp & 0x3f));
    }
  }
  return crc;
}

/**
 * keyHashSlot over raw bytes, the literal port of cluster.c: if there is a `{` and a `}` after it with at
 * least one byte between, only the bytes between the first `{` and the first `}` after it are hashed.
 *
 * @example
 * keySlotBytes(new TextEncoder().encode('{user1000}.following')); // 3443
 */
export function keySlotBytes(bytes: Uint8Array): number {
  const n = bytes.length;
  let s = 0;
  while (s < n && bytes[s] !== 0x7b) s++;
  if (s === n) return crc16(bytes) & 0x3fff;
  let e = s + 1;
  while (e < n && bytes[e] !== 0x7d) e++;
  if (e === n || e === s + 1) return crc16(bytes) & 0x3fff;
  return crc16(bytes.subarray(s + 1, e)) & 0x3fff;
}

/**
 * The cluster slot of a key given as a JavaScript string. `{` and `}` are ASCII and never occur inside a
 * multi-byte UTF-8 sequence, so finding them among UTF-16 code units picks the same bytes as cluster.c.
 *
 * @example
 * keySlot('somekey'); // 11058
 * keySlot('foo{hash_tag}') === keySlot('bar{hash_tag}'); // true (2515)
 */
export function keySlot(key: string): number {
  const s = key.indexOf('{');
  if (s !== -1) {
    const e = key.indexOf('}', s + 1);
    if (e !== -1 && e !== s + 1) return crc16Utf8(key, s + 1, e) & 0x3fff;
  }
  return crc16Utf8(key, 0, key.length) & 0x3fff;
}

/**
 * CRC16 of a key-name prefix's UTF-8 bytes, for numberedKeySlot; null when the prefix has a `{`, where a
 * hash tag could start and only keySlot on the whole name is right.
 *
 * @example
 * keyPrefixCrc('key:'); // a number; keyPrefixCrc('{user}:') === null
 */
export function keyPrefixCrc(prefix: string): number | null {
  return prefix.includes('{') ? null : crc16Utf8(prefix, 0, prefix.length);
}

/**
 * The slot of the name `<prefix><n>` (n a non-negative integer in decimal), without building the string:
 * the prefix's CRC carried on over n's ASCII digits. Exact because, with no `{` in the prefix, the name
 * has none either (digits hold no braces), so the whole name is hashed.
 *
 * @example
 * numberedKeySlot(keyPrefixCrc('key:')!, 42) === keySlot('key:42'); // true
 */
export function numberedKeySlot(prefixCrc: number, n: number): number {
  let unit = 1;
  while (unit * 10 <= n) unit *= 10;
  let crc = prefixCrc;
  for (; unit >= 1; unit /= 10) crc = crcByte(crc, 48 + (Math.floor(n / unit) % 10));
  return crc & 0x3fff;
}

/**
 * Slot ranges as `redis-cli --cluster create` assigns them to `shards` masters. redis-cli computes in C
 * `float`, so the cursor arithmetic is rounded to single precision here too.
 *
 * @example
 * slotRanges(3); // [[0, 5460], [5461, 10922], [10923, 16383]]
 */
export function slotRanges(shards: number): Array<[number, number]> {
  if (!Number.isInteger(shards) || shards < 1 || shards > SLOT_COUNT) {
    throw new RangeError(`shards must be an integer in 1..${SLOT_COUNT}, got ${shards}`);
  }
  const f = Math.fround;
  const perNode = f(SLOT_COUNT / shards);
  const ranges: Array<[number, number]> = [];
  let first = 0;
  let cursor = 0;
  for (let i = 0; i < shards; i++) {
    // lround rounds halves away from zero; for these positive values that is Math.round.
    let last = Math.round(f(f(cursor + perNode) - 1));
    if (last > SLOT_COUNT || i === shards - 1) last = SLOT_COUNT - 1;
    if (last < first) last = first;
    ranges.push([first, last]);
    first = last + 1;
    cursor = f(cursor + perNode);
  }
  return ranges;
}

/**
 * The shard owning `slot`, by binary search over contiguous ranges; -1 if no range holds it.
 *
 * @example
 * shardForSlot(slotRanges(3), 5461); // 1
 */
export function shardForSlot(ranges: ReadonlyArray<readonly [number, number]>, slot: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (slot < r[0]) hi = mid - 1;
    else if (slot > r[1]) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * A 16384-entry slot -> shard table for O(1) routing on the hot path (16-bit entries: a cluster may have
 * up to one shard per slot).
 *
 * @example
 * const lookup = buildShardLookup(3);
 * lookup[keySlot('somekey')]; // 2
 */
export function buildShardLookup(shards: number): Uint16Array {
  if (shards > SLOT_COUNT) throw new RangeError(`at most ${SLOT_COUNT} shards, one per slot, got ${shards}`);
  const table = new Uint16Array(SLOT_COUNT);
  const ranges = slotRanges(shards);
  for (let i = 0; i < ranges.length; i++) table.fill(i, ranges[i]![0], ranges[i]![1] + 1);
  return table;
}
