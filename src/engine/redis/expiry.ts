/**
 * Expiry beyond the lazy check on access: Redis's active expiry cycle, and the picture of what is left to
 * expire (the TTL distribution of live keys), which shows at a glance when many keys will expire together.
 */
import { dropSlot, type ShardStore } from './storeSlots.ts';

/** Upper edges (ms) of the TTL-remaining buckets: 1 s ... 1 day; the last bucket is open. */
export const TTL_EDGES_MS = [
  1000, 5000, 10_000, 30_000, 60_000, 300_000, 900_000, 3_600_000, 21_600_000, 86_400_000,
];

/** Live Redis keys by TTL left: `counts[i]` are below `edgesMs[i]` (the last count is open); `noExpiry` have none. */
export interface TtlDistribution {
  edgesMs: number[];
  counts: number[];
  noExpiry: number;
}

/** Keys each pass of the active expiry looks at (ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP). */
export const EXPIRE_KEYS_PER_LOOP = 20;
/** A cycle makes another pass while more than this % of the last one had expired (…_ACCEPTABLE_STALE). */
export const EXPIRE_ACCEPTABLE_STALE = 10;

/**
 * One slow cycle of Redis 7's active expiry (expire.c, activeExpireCycle), run `hz` times a second: walk
 * the keys with a TTL from where the last pass stopped (Redis walks the `expires` dict's buckets with a
 * cursor; here the dense TTL list stands for them), 20 keys a pass, deleting the expired ones, and make
 * another pass while more than 10 % of the last one had expired. Like Redis, it skips a dict under 1 %
 * full (a resize is due). Redis also bounds a cycle to 25 ms of CPU and runs short extra cycles between
 * commands while its estimate of stale keys is high; the engine has no CPU clock, so its cycles always
 * run to the end instead. Returns the number removed.
 *
 * @example
 * activeExpireCycle(s, now); // every 100 ms of simulated time, as Redis's hz 10
 */
export function activeExpireCycle(s: ShardStore, now: number): number {
  let removed = 0;
  for (;;) {
    if (s.ttlCount === 0) break;
    if (s.expiresBuckets > 4 && s.ttlCount * 100 < s.expiresBuckets) break;
    const n = Math.min(EXPIRE_KEYS_PER_LOOP, s.ttlCount);
    let expired = 0;
    for (let i = 0; i < n && s.ttlCount > 0; i++) {
      if (s.expireCursor >= s.ttlCount) s.expireCursor = 0;
      const slot = s.ttlSlots[s.expireCursor]!;
      // Removing moves the list's last key into this place, so the cursor stays to look at it next.
      if (now >= s.expires[slot]!) {
        dropSlot(s, slot);
        expired++;
      } else s.expireCursor++;
    }
    removed += expired;
    // Redis goes on while expired * 100 / sampled, in integers, is over 10.
    if (Math.floor((expired * 100) / n) <= EXPIRE_ACCEPTABLE_STALE) break;
  }
  s.expired += removed;
  return removed;
}

/**
 * The TTL left on every live key of the given stores, bucketed by TTL_EDGES_MS. Scans every key:
 * on demand only (a summary, a chart refresh), never per event.
 *
 * @example
 * ttlDistribution(shards.map((sh) => sh.store), now).counts; // [0, 12, 40, ...]
 */
export function ttlDistribution(stores: readonly ShardStore[], now: number): TtlDistribution {
  const counts = new Array<number>(TTL_EDGES_MS.length + 1).fill(0);
  let noExpiry = 0;
  for (const s of stores) {
    for (let i = 0; i < s.size; i++) {
      const left = s.expires[i]! - now;
      if (left === Infinity) noExpiry++;
      else if (left > 0) {
        let b = 0;
        while (b < TTL_EDGES_MS.length && left >= TTL_EDGES_MS[b]!) b++;
        counts[b]!++;
      }
    }
  }
  return { edgesMs: TTL_EDGES_MS.slice(), counts, noExpiry };
}

/**
 * The TTL left (ms) on up to `limit` live keys with an expiry, for a histogram drawn by the UI. When there
 * are more, every k-th key is taken so the sample spreads over the whole keyspace.
 *
 * @example
 * ttlRemaining(shards.map((sh) => sh.store), now, 5000); // [59_812, 12_004, ...]
 */
export function ttlRemaining(stores: readonly ShardStore[], now: number, limit: number): number[] {
  let total = 0;
  for (const s of stores) total += s.ttlCount;
  const step = Math.max(1, Math.ceil(total / Math.max(1, limit)));
  const out: number[] = [];
  let n = 0;
  for (const s of stores) {
    for (let i = 0; i < s.ttlCount; i++, n++) {
      if (n % step !== 0 || out.length >= limit) continue;
      const left = s.expires[s.ttlSlots[i]!]! - now;
      if (left > 0) out.push(left);
    }
  }
  return out;
}
