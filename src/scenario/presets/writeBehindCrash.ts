import { definePreset } from './preset.ts';

export const writeBehindCrash = definePreset(
  'write-behind-crash',
  'Write-behind: a crash loses the writes not yet flushed',
  'Writes go to Redis and to a queue inside their app instance, and the client is told "saved" at ' +
    'once; each instance flushes its queue to the database in batches of 50 or once a second (watch ' +
    'the writes queued on each instance). At 20.5 s App 2 crashes with its queue half full: those ' +
    'writes were acknowledged but never reach the database, and they burst out of its card as they ' +
    "vanish. Predict how many are lost (about half a second of that instance's writes), then read " +
    'Lost writes, the max queue depth and the database lag max / mean. Set the Write-behind queue ' +
    'lives in to Redis and crash Redis instead, or switch the Strategy to write-through, and ' +
    'compare.',
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
  ['writesQueued', 'lostWrites', 'maxQueueDepth', 'dbLag'],
);
