import './zodConfig.ts';
import { z } from 'zod';
import { cdnSchema, familiesSchema, monitoringSchema, queryCacheSchema } from './schemaExtras.ts';
import { cdcSchema, writeBehindSchema } from './writePathSchema.ts';
import { l2RedisExtras, redisDownPolicySchema } from './redisSchema.ts';
import { hotKeysSchema, stampedeExtras, stampedeModes, warmingSchema } from './mitigationSchema.ts';
import { clientSchema, databaseOverloadExtras, l2OverloadExtras } from './overloadSchema.ts';
import { changeSchema, MAX_CHANGES } from './changeSchema.ts';
import { absentSchema, leasesSchema, negativeSchema } from './lookupSchema.ts';
import { traceSchema } from './traceSchema.ts';
import { trackingSchema } from './trackingSchema.ts';
import { staleWindowsSchema } from './staleWindowsSchema.ts';
import { checkStaleWindows } from './staleWindowsCheck.ts';

/**
 * Scenario format v1. Every field but `version` has a default, so `{ "version": 1 }` is valid.
 * Units: times in milliseconds of simulated time, rates per second of simulated time.
 * `docs/scenario-format.md` documents each field; keep the two in step.
 */

const nonNegMs = z.number().finite().min(0);
const ttlMs = z.number().finite().min(1).max(86_400_000).nullable();

export const phaseSchema = z.strictObject({
  atMs: nonNegMs,
  rps: z.number().finite().min(0).max(10_000_000),
});

export const hotKeySchema = z.strictObject({
  /** Share of all requests that go to the hot key (rank 0), on top of the Zipf draw for the rest. */
  share: z.number().min(0).max(1).default(0.5),
});

export const workloadSchema = z.strictObject({
  rps: z.number().finite().min(0).max(10_000_000).default(1000),
  readRatio: z.number().min(0).max(1).default(0.95),
  keys: z.int().min(1).max(2_000_000).default(10_000),
  zipf: z.number().min(0).max(3).default(0.99),
  hotKey: hotKeySchema.nullable().default(null),
  /** Changes of arrival rate over time; each holds until the next. Sorted by `atMs`. */
  phases: z
    .array(phaseSchema)
    .max(100)
    .superRefine((phases, ctx) => {
      // The engine walks phases in order; an unsorted list would silently skip some.
      for (let i = 1; i < phases.length; i++) {
        const prev = phases[i - 1]?.atMs;
        const at = phases[i]?.atMs;
        if (typeof prev === 'number' && typeof at === 'number' && at < prev) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'atMs'],
            message: `got ${at}, expected phases sorted by atMs (>= ${prev}, the previous phase's atMs)`,
          });
        }
      }
    })
    .default([]),
  /** Distinct users, uniform; personalised CDN routes answer per user. */
  users: z.int().min(1).max(10_000_000).default(1000),
  /** Size of each cached value when there are no families (for Redis memory). */
  valueBytes: z.int().min(1).max(536_870_912).default(1024),
  /** Key families with their own TTLs, sizes and policies; empty: one family from `keys` and `zipf`. */
  families: familiesSchema.default([]),
  /** The clients' patience: timeout, retries and their backoff. */
  client: clientSchema.prefault({}),
  /** Reads of keys that do not exist (cache penetration). */
  absent: absentSchema.prefault({}),
  /** A cache trace whose requests replace the Poisson arrivals and Zipf draws; null: none. */
  trace: traceSchema.nullable().default(null),
});

/** Redis Cluster primaries a scenario may have: clusters commonly run 32 to 128. */
export const MAX_REDIS_SHARDS = 128;

export const loadBalancers = ['round-robin', 'random'] as const;
export const serviceTimes = ['exponential', 'constant'] as const;

export const topologySchema = z.strictObject({
  instances: z.int().min(1).max(32).default(4),
  redisShards: z.int().min(1).max(MAX_REDIS_SHARDS).default(3),
  cdn: z.boolean().default(false),
  loadBalancer: z.enum(loadBalancers).default('round-robin'),
});

export const networkSchema = z.strictObject({
  /** One-way latency between the client and an app instance. */
  clientMs: nonNegMs.max(10_000).default(1),
  /** One-way latency between an app instance and a Redis shard. */
  redisMs: nonNegMs.max(10_000).default(0.25),
  /** One-way latency between an app instance and the database. */
  dbMs: nonNegMs.max(10_000).default(0.5),
  /** Mean of an exponential delay added to every instance-Redis and instance-database hop. */
  jitterMs: nonNegMs.max(10_000).default(0.05),
});

export const strategies = [
  'none',
  'cache-aside',
  'cache-aside-update',
  'write-through',
  'ttl-only',
  'write-behind',
  'cdc',
] as const;
export const evictionPolicies = [
  'allkeys-lru',
  'allkeys-lfu',
  'allkeys-random',
  'volatile-lru',
  'volatile-ttl',
  'noeviction',
] as const;
export { stampedeModes };

export const l1Schema = z.strictObject({
  enabled: z.boolean().default(false),
  ttlMs: ttlMs.default(1000),
  maxKeys: z.int().min(1).max(1_000_000).nullable().default(1000),
  /**
   * Coalesce concurrent L1 misses for one key on an instance into one fetch (as a loading cache does),
   * so a hot key reaches Redis once per instance per L1 TTL even while the refill is in flight.
   */
  coalesce: z.boolean().default(false),
});

export const l2Schema = z.strictObject({
  ttlMs: ttlMs.default(60_000),
  /** Reset the TTL on every read (sliding expiry) instead of counting from insertion. */
  ttlReset: z.boolean().default(false),
  maxKeys: z.int().min(1).max(10_000_000).nullable().default(null),
  eviction: z.enum(evictionPolicies).default('allkeys-lru'),
  /** Time one command occupies a shard's single thread. */
  serviceMs: z.number().finite().min(0).max(1000).default(0.02),
  /** Each SET's TTL is multiplied by a uniform draw in [1 - ttlJitter, 1 + ttlJitter]. */
  ttlJitter: z.number().min(0).max(0.9).default(0),
  ...l2RedisExtras,
  ...l2OverloadExtras,
});

export const stampedeSchema = z.strictObject({
  mode: z.enum(stampedeModes).default('none'),
  /** XFetch aggressiveness (used by `xfetch`): higher refreshes earlier. */
  beta: z.number().min(0.01).max(100).default(1),
  ...stampedeExtras,
});

export const cacheSchema = z.strictObject({
  strategy: z.enum(strategies).default('cache-aside'),
  l1: l1Schema.prefault({}),
  l2: l2Schema.prefault({}),
  stampede: stampedeSchema.prefault({}),
  warming: warmingSchema.prefault({}),
  hotKeys: hotKeysSchema.prefault({}),
  writeBehind: writeBehindSchema.prefault({}),
  cdc: cdcSchema.prefault({}),
  leases: leasesSchema.prefault({}),
  negative: negativeSchema.prefault({}),
  /** Redis's server-assisted client-side caching: invalidations of the instances' L1 copies. */
  tracking: trackingSchema.prefault({}),
  /** stale-while-revalidate and stale-if-error in the L1 and in Redis. */
  staleWindows: staleWindowsSchema.prefault({}),
  /** While a Redis shard is down: read the database instead, or fail the request. */
  redisDownPolicy: redisDownPolicySchema,
});

export const databaseSchema = z.strictObject({
  connections: z.int().min(1).max(1000).default(10),
  readMs: nonNegMs.max(60_000).default(5),
  writeMs: nonNegMs.max(60_000).default(10),
  serviceTime: z.enum(serviceTimes).default('exponential'),
  queryCache: queryCacheSchema.prefault({}),
  ...databaseOverloadExtras,
});

export const failureKinds = [
  'redis-restart',
  'redis-shard-crash',
  'deploy',
  'instance-crash',
  'cdc-outage',
  'db-latency-spike',
] as const;

export const failureSchema = z.strictObject({
  atMs: nonNegMs,
  kind: z.enum(failureKinds),
  /** How long the failed part stays down. */
  durationMs: nonNegMs.max(86_400_000).default(0),
  /** `db-latency-spike`: factor on database service times while it lasts. */
  multiplier: z.number().finite().min(1).max(1000).default(5),
  /** The instance (or shard) a targeted failure hits, counted from 0. */
  target: z
    .int()
    .min(0)
    .max(MAX_REDIS_SHARDS - 1)
    .default(0),
  /** `deploy`: time between one instance stopping and the next; null: `durationMs` (one at a time). */
  stepMs: nonNegMs.max(86_400_000).nullable().default(null),
});

/**
 * The scenario's fields, every one with its rules, and `changes` as a list of entries whose paths and
 * values are not checked yet: `schema.ts` adds that check (it needs `changes.ts`, which looks fields up
 * here), so the modules that walk the fields (fields.ts, messages.ts, changes.ts) import this one and no
 * import goes round in a circle.
 */
export const scenarioFields = {
  version: z.literal(1),
  title: z.string().max(200).default('Untitled scenario'),
  description: z.string().max(5000).default(''),
  seed: z
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(42),
  durationMs: z.number().finite().min(1).max(86_400_000).default(60_000),
  workload: workloadSchema.prefault({}),
  topology: topologySchema.prefault({}),
  network: networkSchema.prefault({}),
  cache: cacheSchema.prefault({}),
  database: databaseSchema.prefault({}),
  failures: z.array(failureSchema).max(100).default([]),
  cdn: cdnSchema.prefault({}),
  monitoring: monitoringSchema.prefault({}),
  /** Settings changed mid-run, in time order: a live session, replayed exactly (see changes.ts). */
  changes: z.array(changeSchema).max(MAX_CHANGES).default([]),
};

export const scenarioShape = z.strictObject(scenarioFields);

/** A scenario's fields as the schema gives them (the same type as `Scenario`). */
export type ScenarioShape = z.output<typeof scenarioShape>;

/** The checks across fields: changes and failures within the run, targets within the topology, absent keys without families. */
export const checkScenario = (scenario: ScenarioShape, ctx: z.RefinementCtx): void => {
  if (Array.isArray(scenario.changes) && typeof scenario.durationMs === 'number') {
    scenario.changes.forEach((change, i) => {
      if (typeof change?.atMs === 'number' && change.atMs > scenario.durationMs) {
        ctx.addIssue({
          code: 'custom',
          path: ['changes', i, 'atMs'],
          message: `got ${change.atMs}, expected a time within the run (durationMs ${scenario.durationMs})`,
        });
      }
    });
  }
  const families = scenario.workload?.families;
  if (Array.isArray(families) && families.length > 0 && (scenario.workload?.absent?.share ?? 0) > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['workload', 'absent', 'share'],
      message: `got ${scenario.workload.absent.share}, expected 0 with key families (absent keys are drawn beside the single keyspace of workload.keys)`,
    });
  }
  if (Array.isArray(families) && families.length > 0 && scenario.workload?.trace != null) {
    ctx.addIssue({
      code: 'custom',
      path: ['workload', 'trace'],
      message: 'expected no key families with a trace (a replayed trace has its own keys, sizes and TTLs)',
    });
  }
  checkStaleWindows(scenario, ctx);
  // A failure after the end would never happen; saying so beats a demo where nothing breaks.
  // Zod may run this even when other fields failed, so check the shapes it relies on.
  if (!Array.isArray(scenario.failures) || typeof scenario.durationMs !== 'number') return;
  scenario.failures.forEach((failure, i) => {
    if (typeof failure?.atMs === 'number' && failure.atMs >= scenario.durationMs) {
      ctx.addIssue({
        code: 'custom',
        path: ['failures', i, 'atMs'],
        message: `got ${failure.atMs}, expected a time before the end of the run (durationMs ${scenario.durationMs})`,
      });
    }
    const instances = scenario.topology?.instances;
    if (failure?.kind === 'instance-crash' && typeof instances === 'number' && failure.target >= instances) {
      ctx.addIssue({
        code: 'custom',
        path: ['failures', i, 'target'],
        message: `got ${failure.target}, expected an instance index < ${instances} (topology.instances)`,
      });
    }
    const shards = scenario.topology?.redisShards;
    if (failure?.kind === 'redis-shard-crash' && typeof shards === 'number' && failure.target >= shards) {
      ctx.addIssue({
        code: 'custom',
        path: ['failures', i, 'target'],
        message: `got ${failure.target}, expected a shard index < ${shards} (topology.redisShards)`,
      });
    }
  });
};
