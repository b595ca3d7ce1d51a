import { definePreset } from './preset.ts';

export const baseline = definePreset(
  'baseline',
  'Baseline: a healthy Redis cache (cache-aside)',
  'Four app instances read through a three-shard Redis using cache-aside: a read that misses loads ' +
    'the row and stores it for 5 minutes (with 10 % jitter, so keys do not all expire at once), and ' +
    'a write deletes the cached copy. Reads are 95 % of traffic over 10 000 keys with a Zipf 0.99 ' +
    'popularity curve, and the cache is warmed before traffic starts. Every monitoring rule stays ' +
    'quiet: the L2 hit ratio sits near 95 %, DB queries/s stay a small trickle of misses and writes, ' +
    'and the few stale reads are reads that crossed a write in flight, at most a millisecond old. ' +
    'Keep these numbers in mind: the other presets break one thing at a time. Turn on L1 enabled to ' +
    'add a second level and see what it buys and what it costs in stale reads.',
  {
    version: 1,
    seed: 42,
    durationMs: 60_000,
    workload: { rps: 1000, readRatio: 0.95, keys: 10_000, zipf: 0.99 },
    topology: { instances: 4, redisShards: 3 },
    cache: {
      strategy: 'cache-aside',
      l1: { enabled: false, ttlMs: 1000, maxKeys: 1000 },
      l2: { ttlMs: 300_000, ttlJitter: 0.1 },
      warming: { enabled: true, topKeys: 10_000 },
    },
  },
  ['l2HitRatio', 'dbQueriesPerSecond', 'staleReads'],
);
