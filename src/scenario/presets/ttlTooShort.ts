import { definePreset } from './preset.ts';

export const ttlTooShort = definePreset(
  'ttl-too-short',
  'TTL too short: misses for nothing',
  'Only one request in a thousand is a write, so cached values almost never go out of date, yet ' +
    'Redis forgets every key after 5 s. Each expiry forces a database read that returns exactly the ' +
    'value that was just thrown away. Watch the L2 hit ratio stay well below what the workload ' +
    'allows and the DB queries/s that buy no freshness; raise the L2 TTL to 60 s or more and see ' +
    'them drop.',
  {
    version: 1,
    seed: 42,
    durationMs: 60_000,
    workload: { rps: 1000, readRatio: 0.999, keys: 10_000, zipf: 0.99 },
    topology: { instances: 4, redisShards: 3 },
    cache: { strategy: 'cache-aside', l1: { enabled: false }, l2: { ttlMs: 5000 } },
  },
  ['l2HitRatio', 'dbQueriesPerSecond'],
);
