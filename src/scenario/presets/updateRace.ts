import { definePreset } from './preset.ts';

export const updateRace = definePreset(
  'update-race',
  'Update-on-write race: the cache keeps an old value',
  'Instead of deleting the cached value on a write, each writer puts its new value into Redis after ' +
    'updating the database. With 30 % writes on only ten keys and jittery networks, two writers A and B ' +
    'often update the database in the order A, B but reach Redis in the order B, A: the cache then holds ' +
    "A's older value with a 60 s TTL, and every read serves it. Watch stale reads and their age climb; " +
    'switch the strategy to cache-aside (delete on write) and compare.',
  {
    version: 1,
    seed: 42,
    durationMs: 30_000,
    workload: { rps: 1000, readRatio: 0.7, keys: 10, zipf: 0.5 },
    topology: { instances: 4, redisShards: 3 },
    network: { jitterMs: 2 },
    cache: { strategy: 'cache-aside-update', l1: { enabled: false }, l2: { ttlMs: 60_000 } },
    database: { connections: 20, writeMs: 10, serviceTime: 'exponential' },
  },
);
