import { definePreset } from './preset.ts';

export const baseline = definePreset(
  'baseline',
  'Baseline: a two-level cache, and where it falls short',
  'Four app instances, each with a small in-process L1 (1 s TTL, 1000 keys), in front of a three-shard ' +
    'Redis (L2, 60 s TTL) using cache-aside. Reads are 95 % of traffic over 100 000 keys with a Zipf ' +
    '0.99 popularity curve. Watch the L1 hit ratio settle near 30 % and the L2 catch much of what L1 ' +
    'misses. Two figures show warning colours, on purpose: the L2 hit ratio stays below the 70 % alert ' +
    'line, because a minute of traffic cannot warm 100 000 keys, and the stale reads count the L1 ' +
    'copies that other instances keep serving for up to their 1 s TTL after a write. Keep these ' +
    'numbers in mind: the other presets change one thing at a time. Turn L1 enabled off to trade hit ' +
    'ratio for freshness.',
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
  ['l1HitRatio', 'l2HitRatio', 'staleReads'],
);
