/**
 * What a string key costs a Redis 7.0 cluster node, in bytes, as its allocator counts it (`used_memory`
 * is the sum of jemalloc's usable sizes). One key with a name and a value takes:
 *
 * - a dict entry in the keyspace: 24 bytes, plus 16 bytes of cluster metadata (the slot's list links),
 *   so 40, which jemalloc serves from its 48-byte class;
 * - the key name as an sds string: a header of 1, 3, 5, 9 or 17 bytes by length, the bytes, a NUL;
 * - the value: up to 44 bytes it is embedded with its 16-byte object header in one allocation (EMBSTR);
 *   longer, it is a 16-byte object header plus its own sds string (RAW);
 * - with a TTL, an entry in the `expires` dict (24 bytes, the 32-byte class; the name is shared);
 * - and its share of the bucket arrays: 8 bytes per bucket, a power of two, see `bucketsForAdd`.
 *
 * Every allocation is rounded up to a jemalloc size class. An empty node (with a client connected) uses
 * EMPTY_NODE_BYTES, which `maxmemory` counts too. Left out: values that look like integers (Redis
 * stores them as numbers; the engine's values are opaque sizes), and values of 32 KiB or more that
 * arrive alone in the query buffer (their buffer becomes the value and may keep two spare bytes).
 * The calibration (`npm run calibrate`) checks all of this against a real redis-server.
 */

/** used_memory of an empty Redis 7.0 cluster node owning every slot, with one client connected. */
export const EMPTY_NODE_BYTES = 1_700_000;
/** A keyspace dict entry in cluster mode: key, value and next pointers, and two slot-list pointers. */
export const DICT_ENTRY_BYTES = 24 + 16;
/** An `expires` dict entry (no cluster metadata). */
export const EXPIRES_ENTRY_BYTES = 24;
/** The object header every value has (robj). */
export const OBJECT_HEADER_BYTES = 16;
/** Longest string value stored embedded in its object header (OBJ_ENCODING_EMBSTR_SIZE_LIMIT). */
export const EMBSTR_MAX = 44;
/** Buckets of a dict's first table (DICT_HT_INITIAL_SIZE). */
export const DICT_INITIAL_BUCKETS = 4;
/** Above this load (entries per bucket) a dict grows even when memory is short. */
export const DICT_MAX_LOAD = 1.618;
/** Below this share of buckets used (%), the cron shrinks a dict (HASHTABLE_MIN_FILL). */
export const DICT_MIN_FILL_PERCENT = 10;

/**
 * The size jemalloc 5.3 (x86-64: 16-byte quantum, four classes per doubling) hands out for `n` bytes:
 * 8, 16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, ... 1024, 1280, 1536, ...
 *
 * @example
 * jemallocSize(24); // 32
 * jemallocSize(1030); // 1280
 */
export function jemallocSize(n: number): number {
  if (n <= 8) return 8;
  if (n <= 64) return Math.ceil(n / 16) * 16;
  // n lies in (2^k, 2^(k+1)]; that doubling has four classes, 2^(k-2) apart.
  const k = 31 - Math.clz32(n - 1);
  const spacing = 2 ** (k - 2);
  return Math.ceil(n / spacing) * spacing;
}

/**
 * Bytes of an sds string holding `len` bytes: the smallest header that fits the length, then a NUL.
 *
 * @example
 * sdsBytes(5); // 7 (a 1-byte header under 32 bytes)
 * sdsBytes(1024); // 1030
 */
export function sdsBytes(len: number): number {
  const header = len < 32 ? 1 : len < 256 ? 3 : len < 65_536 ? 5 : len < 2 ** 32 ? 9 : 17;
  return header + len + 1;
}

/**
 * Bytes allocated for a string value of `len` bytes with its object header (what objectComputeSize adds
 * up for MEMORY USAGE, and what used_memory grows by).
 *
 * @example
 * valueBytes(44); // 64: EMBSTR, 16 + 3 + 44 + 1 in one 64-byte block
 * valueBytes(1024); // 1296: RAW, 16 + 1280
 */
export function valueBytes(len: number): number {
  if (len <= EMBSTR_MAX) return jemallocSize(OBJECT_HEADER_BYTES + 3 + len + 1);
  return jemallocSize(OBJECT_HEADER_BYTES) + jemallocSize(sdsBytes(len));
}

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
 * The memory one key takes besides its TTL and the bucket arrays: dict entry, name, value.
 *
 * @example
 * entryBytesFor(6, 1024); // 48 + 16 + 1296 = 1360 for `key:42`
 */
export function entryBytesFor(nameBytes: number, valueLen: number): number {
  return jemallocSize(DICT_ENTRY_BYTES) + jemallocSize(sdsBytes(nameBytes)) + valueBytes(valueLen);
}

/**
 * `entryBytesFor` from the key's name.
 *
 * @example
 * entryBytes('key:42', 1024); // 1360
 */
export function entryBytes(keyName: string, valueLen: number): number {
  return entryBytesFor(utf8Length(keyName), valueLen);
}

/**
 * What `MEMORY USAGE key` answers on a cluster node: the value, the name's allocation and the dict
 * entry's struct size with its metadata (Redis adds sizeof, not the allocation: 40, not 48).
 *
 * @example
 * memoryUsage('key:1', 1024); // 1296 + 8 + 40 = 1344
 */
export function memoryUsage(keyName: string, valueLen: number): number {
  return valueBytes(valueLen) + jemallocSize(sdsBytes(utf8Length(keyName))) + DICT_ENTRY_BYTES;
}

/** The smallest power of two >= n (and >= DICT_INITIAL_BUCKETS), as _dictNextExp. */
function nextBuckets(n: number): number {
  let b = DICT_INITIAL_BUCKETS;
  while (b < n) b *= 2;
  return b;
}

/**
 * Buckets of a dict about to take a new entry (Redis's _dictExpandIfNeeded): the first entry allocates 4;
 * once entries reach the bucket count, the table grows to the next power of two above them, unless the
 * new table (8 bytes a bucket) would not fit in `roomBytes` (what maxmemory leaves) while the load is
 * still at most DICT_MAX_LOAD; then it stays and chains. Rehashing is taken as instant.
 *
 * @example
 * bucketsForAdd(4, 4, Infinity); // 8
 * bucketsForAdd(4, 4, 10); // 4: 64 bytes of new table do not fit
 */
export function bucketsForAdd(used: number, buckets: number, roomBytes: number): number {
  if (buckets === 0) return DICT_INITIAL_BUCKETS;
  if (used < buckets) return buckets;
  const next = nextBuckets(used + 1);
  if (used / buckets <= DICT_MAX_LOAD && 8 * next > roomBytes) return buckets;
  return next;
}

/**
 * Buckets after the cron's resize check (tryResizeHashTables): a table under 10 % full shrinks to the
 * smallest power of two that holds its entries. The engine checks on every removal instead of every
 * 100 ms, which only moves the moment.
 *
 * @example
 * bucketsAfterRemove(10, 128); // 16
 */
export function bucketsAfterRemove(used: number, buckets: number): number {
  if (buckets > DICT_INITIAL_BUCKETS && used * 100 < DICT_MIN_FILL_PERCENT * buckets)
    return nextBuckets(used);
  return buckets;
}
