import { definePreset } from './preset.ts';

export const updateRace = definePreset(
  'update-race',
  'Update-on-write race: the cache keeps an old value',
  'Instead of deleting the cached value on a write, each writer puts its new value into Redis ' +
    'after updating the database. Writes to the same key sometimes come close together, and with a ' +
    'jittery network two writers A and B update the database in the order A, B but reach Redis in ' +
    "the order B, A: the cache then holds A's older value, and every read serves it until the next " +
    'write or until the 1 s TTL runs out. Watch the stale reads and the Staleness age chart, and ' +
    'inspect a key to catch Redis behind the database; set the Strategy to cache-aside (delete on ' +
    'write) on the same seed and compare.',
  {
    version: 1,
    seed: 42,
    durationMs: 60_000,
    workload: { rps: 1000, readRatio: 0.5, keys: 200, zipf: 0 },
    topology: { instances: 4, redisShards: 3 },
    network: { jitterMs: 20 },
    cache: { strategy: 'cache-aside-update', l1: { enabled: false }, l2: { ttlMs: 1000 } },
    database: { connections: 20, writeMs: 10, serviceTime: 'exponential' },
  },
  ['staleReads', 'staleAgeChart'],
);
