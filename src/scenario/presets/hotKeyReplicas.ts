import { definePreset } from './preset.ts';
import { hotKey } from './hotKey.ts';

export const hotKeyReplicas = definePreset(
  'hot-key-replicas',
  'Hot key spread over 8 replicas',
  'The hot key preset with the key stored as 8 copies, key:0:r0 to key:0:r7, each hashed to its ' +
    "own slot. A read picks one copy at random, so the hot key's traffic spreads over the shards the " +
    'copies land on: the Operations per shard chart flattens, the hottest bar falling from about 8.5 ' +
    'to about 2 times the mean. The price is on writes: every SET or DEL of the key is 8 commands. ' +
    'Inspect key 0 to see where its copies live.',
  {
    ...hotKey.input,
    cache: {
      strategy: 'cache-aside',
      l1: { enabled: false },
      l2: { ttlMs: 60_000 },
      hotKeys: { replicas: 8 },
    },
  },
  ['shardOpsChart'],
);
