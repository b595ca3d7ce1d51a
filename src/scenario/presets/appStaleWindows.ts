import { definePreset } from './preset.ts';
import type { Preset } from './preset.ts';

/**
 * stale-while-revalidate and stale-if-error in the app's own caches (`cache.staleWindows`), each beside
 * the plain case: an L1 hot key that expires on every instance, and a database outage behind Redis.
 */

/** One hot key read 20,000 times a second on 10 instances, kept 1 s in their L1s, no coalescing. */
const l1HotBody = (whileRevalidateMs: number) =>
  ({
    version: 1,
    seed: 42,
    durationMs: 10_000,
    workload: { rps: 20_000, readRatio: 1, keys: 1000, zipf: 0.99, hotKey: { share: 1 } },
    topology: { instances: 10, redisShards: 3 },
    network: { redisMs: 2 },
    cache: {
      strategy: 'cache-aside',
      l1: { enabled: true, ttlMs: 1000, maxKeys: 1000, coalesce: false },
      l2: { ttlMs: 60_000 },
      staleWindows: { l1: { whileRevalidateMs } },
    },
  }) as const satisfies Preset['input'];

export const l1HotKeyExpiry = definePreset(
  'l1-hot-key-expiry',
  'A hot key expires in every L1 each second',
  'One key is read 20,000 times a second on ten app instances, each keeping it 1 s in its L1 ' +
    'without coalescing. Each time a copy expires, every read of it on that instance goes to Redis ' +
    'until the answer is back: a burst of GETs on one shard, ten times a second. Watch the Operations ' +
    'per shard chart and the L1 hit ratio, then run the same system with stale-while-revalidate in the ' +
    'L1 (L1: a hot key refreshed in the background).',
  l1HotBody(0),
  ['shardOpsChart', 'l1HitRatio'],
);

export const l1HotKeySwr = definePreset(
  'l1-hot-key-swr',
  'L1: a hot key refreshed in the background',
  'The same hot key with L1 stale-while-revalidate at 2 s: a read of an L1 copy up ' +
    'to 2 s past its TTL is answered at once from the copy, while one background GET refreshes it ' +
    'from Redis. Compare the Operations per shard chart: one GET per instance per expiry (read the ' +
    'L1: refreshes sent to Redis / failed), and the L1 hit ratio. The price is copies served past ' +
    'their TTL, for about one Redis round trip each: read L1: served past TTL while revalidating and ' +
    'L1: time past TTL of copies served.',
  l1HotBody(2000),
  ['shardOpsChart', 'l1HitRatio', 'staleL1Refreshes', 'staleL1WhileRevalidating', 'staleL1PastTtl'],
);

/** An API with Redis in front of the database, which stops answering for 20 s (queries time out). */
const outageBody = (ifErrorMs: number) =>
  ({
    version: 1,
    seed: 42,
    durationMs: 60_000,
    workload: { rps: 1000, readRatio: 0.99, keys: 500, zipf: 0.9 },
    topology: { instances: 4, redisShards: 3 },
    cache: {
      strategy: 'cache-aside',
      l1: { enabled: false },
      l2: { ttlMs: 10_000 },
      staleWindows: { l2: { ifErrorMs } },
    },
    database: { connections: 20, acquireTimeoutMs: 200 },
    failures: [{ atMs: 20_000, kind: 'db-latency-spike', durationMs: 20_000, multiplier: 1000 }],
  }) as const satisfies Preset['input'];

export const dbOutageBehindRedis = definePreset(
  'db-outage-behind-redis',
  'The database goes down behind Redis',
  'An API with Redis in front of the database (keys kept 10 s). At 20 s the database stops ' +
    'answering for 20 s: its queries are 1000 times slower, so they wait for a connection until the ' +
    '200 ms acquire timeout and fail. Redis keeps answering until its copies expire; then every read ' +
    'of an expired key is an error. Watch the Errors, timeouts and retries per second chart climb ' +
    'through the outage, and the Errors under the stage; then run the same outage with stale-if-error ' +
    'in Redis (Redis: errors answered with stale copies).',
  outageBody(0),
  ['errorRateChart', 'errors'],
);

export const dbOutageRedisStaleIfError = definePreset(
  'db-outage-redis-stale-if-error',
  'Redis: errors answered with stale copies',
  'The same outage with L2 stale-if-error at 10 minutes: Redis keeps each key 10 ' +
    'minutes past its TTL; a read of a key past its TTL still goes to the database, and when the ' +
    'database fails it, the instance answers with the copy Redis held instead. Compare the Errors, ' +
    'timeouts and retries per second chart with the plain run: the errors become answers, counted in ' +
    'Redis: errors answered with a copy past TTL. They are as slow as the errors were (the instance ' +
    'waits for the database to fail first), and old: read Redis: time past TTL of copies served.',
  outageBody(600_000),
  ['errorRateChart', 'errors', 'staleL2IfError', 'staleL2PastTtl'],
);
