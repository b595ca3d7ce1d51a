import { definePreset, type Preset } from './preset.ts';

/** Shared with the behaviour test, which runs it once more without retries to show the difference. */
export const retryStormBody = {
  version: 1 as const,
  seed: 42,
  durationMs: 90_000,
  workload: {
    rps: 2000,
    readRatio: 1,
    keys: 5000,
    zipf: 0.9,
    client: { timeoutMs: 1000, retries: 3, backoffMs: 100 },
  },
  topology: { instances: 4, redisShards: 3 },
  cache: {
    strategy: 'cache-aside' as const,
    l2: { ttlMs: 30_000 },
    warming: { enabled: true, topKeys: 5000, afterRestart: false },
  },
  database: { connections: 10, readMs: 20 },
  failures: [{ atMs: 30_000, kind: 'redis-restart' as const, durationMs: 1000 }],
} satisfies Preset['input'];

export const retryStorm = definePreset(
  'retry-storm',
  'Retry storm: client retries keep a stampede going',
  'A warm cache in front of a database that serves 500 queries a second. Redis restarts at 30 s and comes ' +
    'back empty, so every key stampedes to the database at once. Clients give up after 1 s and retry up to ' +
    '3 times, and each retry is one more query, while the query they gave up on still holds its place in ' +
    'the queue. What to look for: the Errors, timeouts and retries per second chart and the Queries waiting in the ' +
    'pool. The trigger is over in a second, yet the queue keeps growing and the L2 hit ratio never comes ' +
    'back; when the keys refilled during the storm expire 30 s later it gets worse. Set Client retries to 0 ' +
    'in the Overload section and run it again: the same stampede drains in about 25 s.',
  retryStormBody,
  ['errorRateChart', 'queriesWaiting', 'l2HitRatio'],
);
