import { definePreset } from './preset.ts';

export const noCache = definePreset(
  'no-cache',
  'No cache: every request hits the database',
  'The baseline workload with caching switched off. Every read and write goes to the database, so its ' +
    'connection pool runs at about half capacity, and every request pays the database latency. Compare ' +
    'the database reads, mean latency and p99 with the baseline: that difference is what the cache buys, ' +
    'and why a cache that fails (or is flushed) can take the database down with it.',
  {
    version: 1,
    seed: 42,
    durationMs: 60_000,
    workload: { rps: 1000, readRatio: 0.95, keys: 100_000, zipf: 0.99 },
    topology: { instances: 4, redisShards: 3 },
    cache: { strategy: 'none', l1: { enabled: false } },
  },
);
