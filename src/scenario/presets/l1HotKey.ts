import { definePreset } from './preset.ts';

export const l1HotKey = definePreset(
  'l1-hot-key',
  'A 1 s L1 on 20 instances absorbs a hot key read 100 000 times a second',
  'One key is read 100 000 times per second across twenty app instances. Each instance keeps it in ' +
    'its own L1 for 1 s and coalesces the reads that miss while its copy is being refilled, so Redis ' +
    'sees the key about 20 times per second: once per instance per second. Watch the L1 hit ratio ' +
    "near 100 % and the Operations per shard chart, where the hot key's shard handles about 20 a " +
    'second. Turn L1 coalesce off to see what naive code does: every read that arrives during the ' +
    'refill round trip also goes to Redis.',
  {
    version: 1,
    seed: 42,
    durationMs: 10_000,
    workload: { rps: 100_000, readRatio: 1, keys: 1000, zipf: 0.99, hotKey: { share: 1 } },
    topology: { instances: 20, redisShards: 3 },
    cache: {
      strategy: 'cache-aside',
      l1: { enabled: true, ttlMs: 1000, maxKeys: 1000, coalesce: true },
      l2: { ttlMs: 60_000 },
    },
  },
  ['l1HitRatio', 'shardOpsChart'],
);
