import { definePreset } from './preset.ts';

export const warming = definePreset(
  'warming',
  'Cache warming after a Redis restart',
  'Redis restarts at 10 s and comes back empty after 0.5 s. With warming on, all 2000 keys, most ' +
    'popular first, are loaded before traffic starts and again as soon as Redis is back, using about ' +
    'half of the connection pool. Predict DB queries/s in the second after the restart, then turn ' +
    'Cache warming off and compare: without it every first read of a key goes to the database. The ' +
    'warming reads count what the warm-ups cost.',
  {
    version: 1,
    seed: 42,
    durationMs: 20_000,
    workload: { rps: 4000, readRatio: 1, keys: 2000, zipf: 0.99 },
    topology: { instances: 4, redisShards: 3 },
    cache: { strategy: 'cache-aside', l2: { ttlMs: 60_000 }, warming: { enabled: true, topKeys: 2000 } },
    database: { connections: 50, readMs: 5 },
    failures: [{ atMs: 10_000, kind: 'redis-restart', durationMs: 500 }],
  },
  ['dbQueriesPerSecond', 'warmingReads'],
);
