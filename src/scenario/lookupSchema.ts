import './zodConfig.ts';
import { z } from 'zod';

/**
 * Scenario fields of two mechanisms that guard the database's reads: memcache's leases
 * (`cache.leases`) and negative caching (`cache.negative`), with the lookups of keys that do not exist
 * that call for the latter (`workload.absent`). Every default leaves them off, so a scenario that does
 * not mention them runs as before.
 */

export const leasesSchema = z.strictObject({
  /** A miss hands out a lease token; only its holder may fill the key, and a delete voids the token. */
  enabled: z.boolean().default(false),
  /** How long a client told to wait (another holds the key's lease) sleeps before it reads again. */
  waitMs: z.number().finite().min(0.1).max(10_000).default(10),
  /** A lease lapses after this long (memcache: 10 s), so a holder that never fills blocks no one for ever. */
  leaseTtlMs: z.number().finite().min(1).max(600_000).default(10_000),
});

export const negativeModes = ['none', 'ttl', 'bloom'] as const;

export const negativeSchema = z.strictObject({
  /** `ttl`: cache "no such row" with its own TTL; `bloom`: a Bloom filter of existing keys before the caches. */
  mode: z.enum(negativeModes).default('none'),
  /** `ttl`: how long Redis keeps a key's absence. */
  ttlMs: z.number().finite().min(1).max(86_400_000).default(5000),
  /** `bloom`: the filter's size in bits (m). */
  bloomBits: z.int().min(64).max(268_435_456).default(100_000),
  /** `bloom`: hash functions per key (k). */
  bloomHashes: z.int().min(1).max(32).default(7),
});

export const absentSchema = z.strictObject({
  /** Share of reads that ask for a key with no row in the database ("cache penetration"). */
  share: z.number().min(0).max(1).default(0),
  /** Distinct absent keys those reads are drawn from, uniformly. */
  keys: z.int().min(1).max(2_000_000).default(100_000),
});
