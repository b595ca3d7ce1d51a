import { definePreset } from './preset.ts';

export const queryCache = definePreset(
  'query-cache',
  'Database query cache: wiped by every write',
  'No application cache at all: every read goes to the database, which has a MySQL-style query ' +
    'cache in front of execution. Any write to a table throws away every cached result for that ' +
    'table, so with one write per hundred requests the cache keeps being emptied. Read the query ' +
    'cache hit ratio and the table flushes / entries dropped; then lower the Read ratio to 0.9, then ' +
    '0.7, and watch the hit ratio collapse. That is why MySQL 8.0 removed its query cache.',
  {
    version: 1,
    seed: 42,
    durationMs: 60_000,
    workload: { rps: 1000, readRatio: 0.99, keys: 1000, zipf: 0.99 },
    topology: { instances: 4, redisShards: 3 },
    cache: { strategy: 'none' },
    database: { queryCache: { enabled: true, maxEntries: 10_000 } },
  },
  ['queryCacheHitRatio', 'queryCacheFlushes'],
);
