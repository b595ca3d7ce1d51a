import { definePreset } from './preset.ts';
import type { Preset } from './preset.ts';

/** Reads of keys that do not exist, and negative caching: shared body of the two presets. */
const penetrationBody = {
  version: 1,
  seed: 42,
  durationMs: 60_000,
  workload: { rps: 3000, readRatio: 0.95, keys: 2000, zipf: 0.99, absent: { share: 0.4, keys: 2000 } },
  topology: { instances: 4, redisShards: 3 },
  cache: {
    strategy: 'cache-aside',
    l1: { enabled: false },
    l2: { ttlMs: 120_000 },
    warming: { enabled: true, topKeys: 2000 },
    negative: { mode: 'none', bloomBits: 20_000, bloomHashes: 7 },
  },
  database: { connections: 10, readMs: 10, serviceTime: 'exponential' },
} as const satisfies Preset['input'];

export const cachePenetration = definePreset(
  'cache-penetration',
  'Cache penetration: reads of keys that do not exist',
  'Two reads in five ask for ids that have no row (a scraper, a bug, or an attack), drawn from 2000 ' +
    'such ids. Cache-aside has nothing to store for them, so every one misses Redis and reads the ' +
    'database: about 1100 queries a second that no cache absorbs, on a pool of 10 connections that ' +
    'holds about 1000. Watch the Database connections in use chart pin at 10, the reads of absent ' +
    'keys, and the p99 latency climb to the clients\' patience. Then set Negative caching to "Cache ' +
    'the absence (own TTL)" on the same seed: each absent id now reads the database once per 5 s.',
  penetrationBody,
  ['dbPoolChart', 'p99Latency', 'absentLookups'],
);

export const cachePenetrationBloom = definePreset(
  'cache-penetration-bloom',
  'Cache penetration, stopped by a Bloom filter',
  'Cache penetration with a Bloom filter of the 2000 keys that exist (20 000 bits, 7 hashes) in ' +
    'each app: a read the filter rules out is answered at once, before any cache. An id that does ' +
    'not exist still passes with probability (1 - e^(-kn/m))^k, about 0.8 %: read the reads ruled ' +
    'out by the Bloom filter, and the Bloom false positives, measured / expected (the formula), and ' +
    'compare the Database connections in use chart with the run without the filter.',
  {
    ...penetrationBody,
    cache: { ...penetrationBody.cache, negative: { ...penetrationBody.cache.negative, mode: 'bloom' } },
  },
  ['dbPoolChart', 'bloomRejects', 'bloomFpRate'],
);
