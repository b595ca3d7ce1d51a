import type { Scenario } from '../schema.ts';
import { baseline } from './baseline.ts';

/** The preset a page opens when its link names none (and falls back to when a link cannot be read). */
export const DEFAULT_PRESET = 'baseline';

/**
 * The default preset with every default filled in, written out: what `scenarioSchema.parse(baseline.input)`
 * gives (test/scenario/defaultScenario.test.ts holds the two equal, field order included). Written out
 * so the first paint plays it without the schema (zod, some 32 KB gzipped), which loads on first use
 * (`loadSchemaKit.ts`), and without waiting for the other presets (`load.ts`). When the schema gains a
 * field, the test prints the object to paste here.
 */
const BASELINE: Scenario = {
  version: 1,
  title: baseline.title,
  description: baseline.description,
  seed: 42,
  durationMs: 60000,
  workload: {
    rps: 1000,
    readRatio: 0.95,
    keys: 100000,
    zipf: 0.99,
    hotKey: null,
    phases: [],
    users: 1000,
    valueBytes: 1024,
    families: [],
    client: {
      timeoutMs: null,
      retries: 0,
      backoffMs: 100,
    },
    absent: {
      share: 0,
      keys: 100000,
    },
    trace: null,
  },
  topology: {
    instances: 4,
    redisShards: 3,
    cdn: false,
    loadBalancer: 'round-robin',
  },
  network: {
    clientMs: 1,
    redisMs: 0.25,
    dbMs: 0.5,
    jitterMs: 0.05,
  },
  cache: {
    strategy: 'cache-aside',
    l1: {
      enabled: true,
      ttlMs: 1000,
      maxKeys: 1000,
      coalesce: false,
    },
    l2: {
      ttlMs: 60000,
      ttlReset: false,
      maxKeys: null,
      eviction: 'allkeys-lru',
      serviceMs: 0.02,
      ttlJitter: 0,
      maxMemoryBytes: null,
      maxMemorySamples: 5,
      lfuLogFactor: 10,
      lfuDecayTimeMin: 1,
      hz: 10,
      persistence: 'none',
      rdbIntervalMs: 60000,
      maxQueue: 100000,
    },
    stampede: {
      mode: 'none',
      beta: 1,
      lockTtlMs: 5000,
      backoffMs: 50,
      maxRetries: 3,
      refreshTopKeys: 10,
      refreshAt: 0.75,
    },
    warming: {
      enabled: false,
      topKeys: 1000,
      onStart: true,
      afterRestart: true,
    },
    hotKeys: {
      replicas: 1,
      topKeys: 1,
    },
    writeBehind: {
      batchSize: 50,
      flushIntervalMs: 1000,
      rowCost: 0.1,
      queueIn: 'app',
      ordered: true,
    },
    cdc: {
      lagMs: 200,
      lagDistribution: 'constant',
      consumerMs: 0.5,
    },
    leases: {
      enabled: false,
      waitMs: 10,
      leaseTtlMs: 10000,
    },
    negative: {
      mode: 'none',
      ttlMs: 5000,
      bloomBits: 100000,
      bloomHashes: 7,
    },
    tracking: {
      enabled: false,
      mode: 'default',
      prefixes: [],
      optKeys: 0,
      noloop: false,
      tableMaxKeys: 1000000,
      connection: 'resp3',
      raceFix: false,
    },
    staleWindows: {
      l1: {
        whileRevalidateMs: 0,
        ifErrorMs: 0,
      },
      l2: {
        whileRevalidateMs: 0,
        ifErrorMs: 0,
      },
    },
    redisDownPolicy: 'fallback',
  },
  database: {
    connections: 10,
    readMs: 5,
    writeMs: 10,
    serviceTime: 'exponential',
    queryCache: {
      enabled: false,
      maxEntries: 10000,
    },
    acquireTimeoutMs: 30000,
    maxQueue: null,
  },
  failures: [],
  cdn: {
    routes: [],
    purgeDelayMs: 5000,
    hopMs: 10,
  },
  monitoring: {
    enabled: true,
    hitRateBelow: 0.7,
    missSpikeFactor: 3,
    missSpikeMin: 100,
    evictionsAbove: 0,
    memoryAbove: 0.8,
    p99AboveMs: 5,
    keyGrowthAbove: 0.5,
    keyGrowthWarmupMs: 30000,
    expiringAtOnceAbove: 0.2,
  },
  changes: [],
};

/** The default scenario (a fresh copy each call). */
export const defaultScenario = (): Scenario => structuredClone(BASELINE);
