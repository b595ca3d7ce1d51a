import { definePreset } from './preset.ts';

/** The hot-key scenario, which hot-key-many-shards runs again on more shards. */
export const hotKeyBody = {
  version: 1 as const,
  seed: 42,
  durationMs: 20_000,
  workload: { rps: 4000, readRatio: 1, keys: 1000, zipf: 0, hotKey: { share: 0.5 } },
  topology: { instances: 4, redisShards: 16 },
  cache: { strategy: 'cache-aside' as const, l1: { enabled: false }, l2: { ttlMs: 60_000 } },
};

export const hotKey = definePreset(
  'hot-key',
  'Hot key: one shard does half the work',
  'Sixteen Redis shards should share the load evenly, but one key takes half of all requests, and ' +
    'a key always lives on one shard. With no L1 in front, that shard serves the hot key plus its ' +
    '1/16 of the rest: about 8.5 times its fair share. Watch the Operations per shard chart, where ' +
    "the hot shard's bar is marked with its factor over the mean; adding shards does not help, since " +
    'the hot key still maps to a single one ("Add shards, the hot key stays hot" shows 64). Turn L1 enabled on to see the load disappear.',
  hotKeyBody,
  ['shardOpsChart'],
);
