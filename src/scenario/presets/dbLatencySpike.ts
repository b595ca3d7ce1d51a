import { definePreset } from './preset.ts';

export const dbLatencySpike = definePreset(
  'db-latency-spike',
  'Database latency spike',
  'At 20 s the database slows down five-fold for 10 s (a noisy neighbour, a vacuum, a bad plan). ' +
    'With the cache absorbing most reads only the misses feel it, yet the pool of 8 connections ' +
    'fills and the queries pile up: watch the Database connections in use chart, the Queries waiting ' +
    'and the p99 latency climb, then recover. Set the Strategy to no cache to see what the same ' +
    'spike does without one.',
  {
    version: 1,
    seed: 42,
    durationMs: 60_000,
    workload: { rps: 1000, readRatio: 0.95, keys: 10_000, zipf: 0.99 },
    topology: { instances: 4, redisShards: 3 },
    cache: { strategy: 'cache-aside', l1: { enabled: false } },
    database: { connections: 8 },
    failures: [{ atMs: 20_000, kind: 'db-latency-spike', durationMs: 10_000, multiplier: 5 }],
  },
  ['dbPoolChart', 'queriesWaiting', 'p99Latency'],
);
