import { definePreset } from './preset.ts';

export const l1Inconsistency = definePreset(
  'l1-inconsistency',
  'Long L1 TTL: instances disagree',
  'Ten app instances each cache values in their own L1 for five minutes. A write updates the ' +
    'database and clears Redis, but nothing tells the other nine instances, so each keeps serving ' +
    'the version it cached until its copy expires. Two users hitting different instances see ' +
    'different data. Watch the stale reads and the Staleness age chart grow after each write, and ' +
    'inspect one key to see the instances holding different versions; then shorten the L1 TTL and ' +
    'see the staleness window shrink.',
  {
    version: 1,
    seed: 42,
    durationMs: 60_000,
    workload: { rps: 500, readRatio: 0.9, keys: 100, zipf: 0.99 },
    topology: { instances: 10, redisShards: 3 },
    cache: {
      strategy: 'cache-aside',
      l1: { enabled: true, ttlMs: 300_000, maxKeys: 1000 },
      l2: { ttlMs: 60_000 },
    },
  },
  ['staleReads', 'staleAgeChart'],
);
