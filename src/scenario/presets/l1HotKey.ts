import { definePreset } from './preset.ts';

export const l1HotKey = definePreset(
  'l1-hot-key',
  'A short-TTL L1 absorbs a hot key',
  'Twenty app instances each keep the hot key in their own L1 for 1 s. The key is read 2000 times per ' +
    'second, yet each instance asks Redis for it only when its copy expires: about 20 Redis reads per ' +
    'second for the key, one per instance per second. Watch the L1 hit ratio near 100 % for the hot key and ' +
    'the hot-shard factor staying low; compare with the hot-key preset, where Redis takes every read.',
  {
    version: 1,
    seed: 42,
    durationMs: 20_000,
    workload: { rps: 4000, readRatio: 1, keys: 1000, zipf: 0.99, hotKey: { share: 0.5 } },
    topology: { instances: 20, redisShards: 3 },
    cache: {
      strategy: 'cache-aside',
      l1: { enabled: true, ttlMs: 1000, maxKeys: 1000 },
      l2: { ttlMs: 60_000 },
    },
  },
);
