/**
 * Redis persistence as far as a restart can tell: RDB takes a point-in-time snapshot every interval, and
 * a restarted shard loads it, so whatever changed since the last snapshot is lost and keys whose TTL ran
 * out meanwhile are dropped on load (Redis skips expired keys when a primary loads an RDB file). AOF
 * logs every write, so nothing is lost and the store simply survives; "none" restarts empty.
 */
import type { RngState } from '../core/rng.ts';
import { createShardStore, slotOf, storeClear, storeSet, type ShardStore } from './shardStore.ts';

/** A snapshot of a store's entries, dense 0..size-1, in plain typed arrays (reused between saves). */
export interface RdbImage {
  size: number;
  keys: Float64Array;
  versions: Float64Array;
  expires: Float64Array;
  lastAccess: Float64Array;
  bytes: Float64Array;
  lfu: Uint8Array;
  /** When the snapshot was taken. */
  atMs: number;
}

/**
 * Saves the store's entries into `image`, reusing its arrays when they are large enough, so a save every
 * minute costs one copy of the live entries and no allocation once the store stops growing.
 *
 * @example
 * shard.rdb = rdbSave(shard.rdb, shard.store, now);
 */
export function rdbSave(image: RdbImage | null, s: ShardStore, now: number): RdbImage {
  const n = s.size;
  let img = image;
  if (img === null || img.keys.length < n) {
    const cap = Math.max(16, n * 2);
    img = {
      size: 0,
      keys: new Float64Array(cap),
      versions: new Float64Array(cap),
      expires: new Float64Array(cap),
      lastAccess: new Float64Array(cap),
      bytes: new Float64Array(cap),
      lfu: new Uint8Array(cap),
      atMs: now,
    };
  }
  img.keys.set(s.keys.subarray(0, n));
  img.versions.set(s.versions.subarray(0, n));
  img.expires.set(s.expires.subarray(0, n));
  img.lastAccess.set(s.lastAccess.subarray(0, n));
  img.bytes.set(s.bytes.subarray(0, n));
  img.lfu.set(s.lfu.subarray(0, n));
  img.size = n;
  img.atMs = now;
  return img;
}

/**
 * How many live entries of the store a crash now would lose or roll back when the image is loaded: those
 * absent from the image or held there at another version. With no image, every live entry.
 *
 * @example
 * metrics.keysLost += rdbLost(shard.store, shard.rdb, now);
 */
export function rdbLost(s: ShardStore, image: RdbImage | null, now: number): number {
  let live = 0;
  for (let i = 0; i < s.size; i++) if (now < s.expires[i]!) live++;
  if (image === null) return live;
  let kept = 0;
  for (let i = 0; i < image.size; i++) {
    const slot = slotOf(s, image.keys[i]!);
    if (slot >= 0 && now < s.expires[slot]! && s.versions[slot] === image.versions[i]) kept++;
  }
  return live - kept;
}

/**
 * Replaces the store's contents with the image (or empties it when there is none), dropping keys that
 * expired by `now`. Counters (evictions, expired, rejected writes) carry on: they describe the whole run.
 *
 * @example
 * rdbLoad(shard.store, shard.rdb, now, rng);
 */
export function rdbLoad(s: ShardStore, image: RdbImage | null, now: number, rng: RngState): void {
  storeClear(s);
  if (image === null) return;
  // The image fitted the limits when it was taken (or was over by the last SET, which the next command
  // would have evicted); only that entry, or limits made smaller since, make these SETs evict.
  for (let i = 0; i < image.size; i++) {
    const expiresAt = image.expires[i]!;
    if (now >= expiresAt) continue;
    const key = image.keys[i]!;
    storeSet(s, key, image.versions[i]!, expiresAt, image.lastAccess[i]!, rng, image.bytes[i]!);
    const slot = slotOf(s, key);
    if (slot >= 0) s.lfu[slot] = image.lfu[i]!;
  }
}

/** An empty image, for tests and for callers that want to pre-size one. */
export function emptyRdbImage(): RdbImage {
  return rdbSave(null, createShardStore(null, 'noeviction'), 0);
}
