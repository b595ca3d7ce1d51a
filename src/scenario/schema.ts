import { z } from 'zod';
import { cdcSchema, writeBehindSchema } from './writePathSchema.ts';

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
});

export const topologySchema = z.strictObject({
  instances: z.int().min(1).max(32).default(4),
  redisShards: z.int().min(1).max(16).default(3),
  cdn: z.boolean().default(false),
  loadBalancer: z.enum(['round-robin', 'random']).default('round-robin'),
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
export const evictionPolicies = ['allkeys-lru', 'allkeys-random', 'noeviction'] as const;
export const stampedeModes = ['none', 'single-flight'] as const;

export const l1Schema = z.strictObject({
  enabled: z.boolean().default(false),
  ttlMs: ttlMs.default(1000),
  maxKeys: z.int().min(1).max(1_000_000).nullable().default(1000),
});

export const l2Schema = z.strictObject({
  ttlMs: ttlMs.default(60_000),
  /** Reset the TTL on every read (sliding expiry) instead of counting from insertion. */
  ttlReset: z.boolean().default(false),
  maxKeys: z.int().min(1).max(10_000_000).nullable().default(null),
  eviction: z.enum(evictionPolicies).default('allkeys-lru'),
  /** Time one command occupies a shard's single thread. */
  serviceMs: z.number().finite().min(0).max(1000).default(0.02),
});

export const stampedeSchema = z.strictObject({
  mode: z.enum(stampedeModes).default('none'),
  /** XFetch aggressiveness (used by `xfetch`, reserved for now). */
  beta: z.number().min(0.01).max(100).default(1),
});

export const cacheSchema = z.strictObject({
  strategy: z.enum(strategies).default('cache-aside'),
  l1: l1Schema.prefault({}),
  l2: l2Schema.prefault({}),
  stampede: stampedeSchema.prefault({}),
  writeBehind: writeBehindSchema.prefault({}),
  cdc: cdcSchema.prefault({}),
});

export const databaseSchema = z.strictObject({
  connections: z.int().min(1).max(1000).default(10),
  readMs: nonNegMs.max(60_000).default(5),
  writeMs: nonNegMs.max(60_000).default(10),
  serviceTime: z.enum(['exponential', 'constant']).default('exponential'),
});

export const failureKinds = ['redis-restart', 'instance-crash', 'cdc-outage'] as const;

export const failureSchema = z.strictObject({
  atMs: nonNegMs,
  kind: z.enum(failureKinds),
  /** How long the failed part stays down. */
  durationMs: nonNegMs.max(86_400_000).default(0),
  /** The instance (or shard) a targeted failure hits, counted from 0. */
  target: z.int().min(0).max(31).default(0),
});

export const scenarioSchema = z
  .strictObject({
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
  })
  .superRefine((scenario, ctx) => {
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
      if (
        failure?.kind === 'instance-crash' &&
        typeof instances === 'number' &&
        failure.target >= instances
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['failures', i, 'target'],
          message: `got ${failure.target}, expected an instance index < ${instances} (topology.instances)`,
        });
      }
    });
  });

/** A scenario with every default filled in: what the engine receives. */
export type Scenario = z.output<typeof scenarioSchema>;
/** What a user may write: any field but `version` may be left out. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Strategy = (typeof strategies)[number];
export type EvictionPolicy = (typeof evictionPolicies)[number];
export type StampedeMode = (typeof stampedeModes)[number];
export type FailureKind = (typeof failureKinds)[number];
