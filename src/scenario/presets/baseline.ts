import { definePreset } from './preset.ts';

export const baseline = definePreset(
  'baseline',
  'Baseline: a healthy two-level cache',
  'Four app instances, each with a small in-process L1 (1 s TTL, 1000 keys), in front of a three-shard ' +
    'Redis (L2, 60 s TTL) using cache-aside. Reads are 95 % of traffic and follow a Zipf 0.99 popularity ' +
    'curve over 100 000 keys, so a few keys are read constantly and most rarely. Watch the L1 hit ratio climb ' +
    'within the first second, the L2 catch most of what L1 misses, and the database settle to a small ' +
    'trickle of misses and writes. Keep these numbers in mind: the other presets break one thing at a time.',
  {
    version: 1,
    seed: 42,
    durationMs: 60_000,
    workload: { rps: 1000, readRatio: 0.95, keys: 100_000, zipf: 0.99 },
    topology: { instances: 4, redisShards: 3 },
    cache: {
      strategy: 'cache-aside',
      l1: { enabled: true, ttlMs: 1000, maxKeys: 1000 },
      l2: { ttlMs: 60_000 },
    },
  },
);
