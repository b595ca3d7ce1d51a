/**
 * What one cached entry costs a Redis shard, in bytes. Redis reports `used_memory` from its allocator;
 * the simulator adds up a per-entry estimate instead, which is what a `maxmemory` limit is compared with.
 *
 * The per-key overhead stands for what Redis 7 spends on a small string key besides its name and value:
 * a dict entry (24 bytes), the value's object header (16 bytes), the sds headers of key and value
 * (about 3 bytes each) and jemalloc's rounding up to its size classes. `MEMORY USAGE` on a key with a
 * short name and a short value reports about 50-60 bytes, hence 50. Keys with a TTL also hold an entry
 * in the `expires` dict, which is left out: it would make TTL changes move memory, a distraction here.
 */

/** Bytes every entry costs on top of its key name and value (see above). */
export const ENTRY_OVERHEAD_BYTES = 50;

/**
 * The UTF-8 length of a string without encoding it (no allocation).
 *
 * @example
 * utf8Length('key:42'); // 6
 * utf8Length('clé'); // 4
 */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * The memory one entry takes: key name bytes + value bytes + ENTRY_OVERHEAD_BYTES.
 *
 * @example
 * entryBytes('key:42', 1024); // 1080
 */
export function entryBytes(keyName: string, valueBytes: number): number {
  return utf8Length(keyName) + valueBytes + ENTRY_OVERHEAD_BYTES;
}
