import './zodConfig.ts';
import { z } from 'zod';

/**
 * Scenario fields of the stampede and hot-key mitigations (lock, XFetch, background refresh, warming,
 * key replication). Kept apart from `schema.ts` so the mechanisms' options live in one place; every
 * default leaves the mitigation off, so a scenario that does not mention them runs as before.
 */

export const stampedeModes = ['none', 'single-flight', 'lock', 'xfetch', 'background-refresh'] as const;

/** Fields added to `cache.stampede` beside `mode` and `beta`. */
export const stampedeExtras = {
  /** `lock`: expiry of the `SET lock:{key} NX EX` lock, so a crashed holder cannot block forever. */
  lockTtlMs: z.number().finite().min(1).max(600_000).default(5000),
  /** `lock`: how long a request that lost the lock sleeps before it reads the cache again. */
  backoffMs: z.number().finite().min(0).max(60_000).default(50),
  /** `lock`: cache re-reads a loser makes before it gives up and queries the database itself. */
  maxRetries: z.int().min(0).max(50).default(3),
  /** `background-refresh`: how many of the most popular keys the refresher watches. */
  refreshTopKeys: z.int().min(1).max(10_000).default(10),
  /** `background-refresh`: fraction of the TTL after which a watched key is re-fetched. */
  refreshAt: z.number().min(0.01).max(0.99).default(0.75),
};

export const warmingSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** How many keys, by popularity rank, a warm-up loads. */
  topKeys: z.int().min(1).max(2_000_000).default(1000),
  /** Load them before traffic starts. */
  onStart: z.boolean().default(true),
  /** Load them again as soon as Redis is back after a restart. */
  afterRestart: z.boolean().default(true),
});

export const hotKeysSchema = z.strictObject({
  /** Copies of each replicated key (`key:N:r0` ... ); 1 means no replication. */
  replicas: z.int().min(1).max(64).default(1),
  /** How many of the most popular keys are replicated. */
  topKeys: z.int().min(1).max(10_000).default(1),
});
