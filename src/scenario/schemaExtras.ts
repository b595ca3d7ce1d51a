import './zodConfig.ts';
import { z } from 'zod';
import { parseCacheControl } from './cacheControl.ts';
import { clip, preview } from './quote.ts';

const MAX_CACHE_CONTROL = 200;

/**
 * The schema parts for key families, the CDN, the database query cache and monitoring, kept apart from
 * `schema.ts` so each mechanism's rules sit together. Every field has a default that leaves today's
 * behaviour unchanged: no families, no CDN, no query cache; monitoring only watches.
 */

const ttlMs = z.number().finite().min(1).max(86_400_000).nullable();
const uniqueNames = (items: readonly { name?: unknown }[], ctx: z.RefinementCtx, what: string): void => {
  const seen = new Set<unknown>();
  items.forEach((item, i) => {
    if (seen.has(item?.name)) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'name'],
        message: `got ${preview(item?.name)}, expected a name no other ${what} uses`,
      });
    }
    seen.add(item?.name);
  });
};

export const consequences = ['none', 'oversell', 'wrong-price', 'revoked-access', 'wrong-balance'] as const;

export const familySchema = z.strictObject({
  /** Prefix of the family's Redis keys: `<name>:<rank>`. */
  name: z.string().min(1).max(40),
  /** Relative weight of the family among requests; weights are normalised over all families. */
  share: z.number().min(0).max(1).default(1),
  keys: z.int().min(1).max(2_000_000).default(1000),
  /** Popularity skew inside the family; null: `workload.zipf`. */
  zipf: z.number().min(0).max(3).nullable().default(null),
  /** Reads among this family's requests; null: `workload.readRatio`. */
  readRatio: z.number().min(0).max(1).nullable().default(null),
  /** Redis TTL of the family's keys (null: no expiry). */
  ttlMs,
  /** L1 TTL of the family's keys; null: `cache.l1.ttlMs`. */
  l1TtlMs: ttlMs.default(null),
  valueBytes: z.int().min(1).max(536_870_912).default(1024),
  /** Never cached: reads go straight to the database (account balances, say). */
  bypass: z.boolean().default(false),
  /** What a stale read of this family costs the business. */
  consequence: z.enum(consequences).default('none'),
});

export const familiesSchema = z
  .array(familySchema)
  .max(16)
  .superRefine((families, ctx) => {
    uniqueNames(families, ctx, 'family');
    const keys = families.reduce((sum, f) => sum + (typeof f?.keys === 'number' ? f.keys : 0), 0);
    if (keys > 2_000_000) {
      ctx.addIssue({
        code: 'custom',
        message: `got ${keys} keys over all families, expected at most 2000000`,
      });
    }
    if (families.length > 0 && families.every((f) => f?.share === 0)) {
      ctx.addIssue({ code: 'custom', message: 'every family has share 0, expected at least one above 0' });
    }
  });

export const cdnRouteSchema = z.strictObject({
  name: z.string().min(1).max(40),
  /** Relative weight of the route among requests; weights are normalised over all routes. */
  share: z.number().min(0).max(1).default(1),
  /** The response header the origin sends for this route, e.g. `public, max-age=60, s-maxage=300`. */
  cacheControl: z
    .string()
    .max(MAX_CACHE_CONTROL)
    .default('public, max-age=60')
    .superRefine((header, ctx) => {
      // Zod runs this even when the length check failed; that check has said all there is to say.
      if (header.length > MAX_CACHE_CONTROL) return;
      const r = parseCacheControl(header);
      if (!r.ok)
        ctx.addIssue({ code: 'custom', message: `cannot read Cache-Control "${clip(header)}": ${r.error}` });
    }),
  /** The response differs per user (an account page): an edge that keeps one copy serves it to others. */
  personalised: z.boolean().default(false),
});

export const cdnSchema = z.strictObject({
  /** Empty: one public route, `public, max-age=60`. Used only when `topology.cdn` is true. */
  routes: z
    .array(cdnRouteSchema)
    .max(8)
    .superRefine((routes, ctx) => {
      uniqueNames(routes, ctx, 'route');
      if (routes.length > 0 && routes.every((r) => r?.share === 0)) {
        ctx.addIssue({ code: 'custom', message: 'every route has share 0, expected at least one above 0' });
      }
    })
    .default([]),
  /** Time from a write until the edge drops its copy. */
  purgeDelayMs: z.number().finite().min(0).max(3_600_000).default(5000),
  /** One-way latency between the client and the edge. */
  hopMs: z.number().finite().min(0).max(10_000).default(10),
});

export const queryCacheSchema = z.strictObject({
  enabled: z.boolean().default(false),
  maxEntries: z.int().min(1).max(10_000_000).default(10_000),
});

export const monitoringSchema = z.strictObject({
  enabled: z.boolean().default(true),
  hitRateBelow: z.number().min(0).max(1).default(0.7),
  missSpikeFactor: z.number().min(1).max(1000).default(3),
  missSpikeMin: z.int().min(0).max(10_000_000).default(100),
  evictionsAbove: z.int().min(0).max(10_000_000).default(0),
  memoryAbove: z.number().min(0).max(1).default(0.8),
  p99AboveMs: z.number().min(0).max(60_000).default(5),
  keyGrowthAbove: z.number().min(0).max(100).default(0.5),
  keyGrowthWarmupMs: z.number().finite().min(0).max(86_400_000).default(30_000),
  expiringAtOnceAbove: z.number().min(0).max(1).default(0.2),
});
