import { definePreset } from './preset.ts';

export const writeBehindCrash = definePreset(
  'write-behind-crash',
  'Write-behind: a crash loses the writes not yet flushed',
  'Writes go to Redis and to a queue inside their app instance, and the client is told "saved" at once; ' +
    'each instance flushes its queue to the database in batches of 50 or once a second. At 20.5 s ' +
    'instance app-1 crashes with its queue half full: those writes were acknowledged but never reach ' +
    "the database. Predict how many are lost (about half a second of that instance's writes), then " +
    'read lostWrites and the write-behind queue depth and database lag. Set the queue to live in Redis ' +
    'and crash Redis instead, or switch to write-through, and compare.',
  {
    version: 1,
    seed: 42,
    durationMs: 40_000,
    workload: { rps: 1000, readRatio: 0.8, keys: 1000, zipf: 0.99 },
    topology: { instances: 4, redisShards: 3 },
    cache: {
      strategy: 'write-behind',
      l1: { enabled: false },
      l2: { ttlMs: 60_000 },
      writeBehind: { batchSize: 50, flushIntervalMs: 1000, queueIn: 'app', ordered: true },
    },
    failures: [{ atMs: 20_500, kind: 'instance-crash', target: 1, durationMs: 5000 }],
  },
);
