import { definePreset } from './preset.ts';

export const writeBehindUnordered = definePreset(
  'write-behind-unordered',
  'Write-behind out of order: the database goes back in time',
  'Four instances queue writes to the same few keys and flush them in parallel batches that ' +
    'overwrite blindly. When an older batch commits after a newer one, the row goes back to an older ' +
    'version: watch the rows gone back in time, and the stale reads the database then answers with ' +
    'the older value. Turn Write-behind keeps writes in order back on (one batch in flight per ' +
    'flusher, versioned upserts) and watch the regressions drop to zero.',
  {
    version: 1,
    seed: 42,
    durationMs: 30_000,
    workload: { rps: 1000, readRatio: 0.8, keys: 20, zipf: 0.99 },
    topology: { instances: 4, redisShards: 3 },
    cache: {
      strategy: 'write-behind',
      l1: { enabled: false },
      l2: { ttlMs: 500 },
      writeBehind: { batchSize: 50, flushIntervalMs: 250, ordered: false },
    },
    database: { serviceTime: 'exponential' },
  },
  ['dbRegressions', 'staleReads'],
);
