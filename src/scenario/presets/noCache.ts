import { definePreset } from './preset.ts';

export const noCache = definePreset(
  'no-cache',
  'No cache: every request hits the database',
  'The baseline workload with caching switched off. Every read and write goes to the database, so ' +
    "its pool of 10 connections is busy about half the time and every request pays the database's " +
    'latency. Compare DB queries/s and p99 latency with the baseline, and watch the Database ' +
    'connections in use chart: that difference is what the cache buys, and why a cache that fails ' +
    '(or is flushed) can take the database down with it.',
  {
    version: 1,
    seed: 42,
    durationMs: 60_000,
    workload: { rps: 1000, readRatio: 0.95, keys: 100_000, zipf: 0.99 },
    topology: { instances: 4, redisShards: 3 },
    cache: { strategy: 'none', l1: { enabled: false } },
  },
  ['dbQueriesPerSecond', 'p99Latency', 'dbPoolChart'],
);
