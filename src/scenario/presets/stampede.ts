import { definePreset } from './preset.ts';
import type { Preset } from './preset.ts';

/** Shared with `stampede-single-flight`, which changes only the mitigation. */
export const stampedeBody = {
  version: 1,
  seed: 42,
  durationMs: 30_000,
  workload: { rps: 2000, readRatio: 1, keys: 100, zipf: 0.99, hotKey: { share: 0.9 } },
  topology: { instances: 4, redisShards: 3 },
  cache: {
    strategy: 'cache-aside',
    l1: { enabled: false },
    l2: { ttlMs: 5000 },
    stampede: { mode: 'none' },
  },
  database: { connections: 10, readMs: 100, serviceTime: 'constant' },
} as const satisfies Preset['input'];

export const stampede = definePreset(
  'stampede',
  'Cache stampede: a hot key expires',
  'One key takes 90 % of 2000 requests per second, and its Redis entry lives 5 s. The database is ' +
    'slow (100 ms per read, 10 connections) and no stampede protection is on. Predict what happens ' +
    'every 5 s, then run it: at each expiry every request that misses goes to the database at once, ' +
    'the pool fills, queries queue behind each other and p99 latency jumps by orders of magnitude, ' +
    'then calms down until the next expiry. Watch the Database connections in use chart pin at 10 ' +
    'with Queries waiting piling up, and the sawtooth in the Database queries per second chart.',
  stampedeBody,
  ['p99Latency', 'dbPoolChart', 'queriesWaiting', 'dbQpsChart'],
);
