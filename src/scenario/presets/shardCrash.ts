import { definePreset } from './preset.ts';

export const shardCrash = definePreset(
  'shard-crash',
  'One Redis shard crashes',
  'Three shards; Redis shard 2 (slots 5461-10922) crashes at 15 s and is down for 5 s, without ' +
    'persistence. Only the keys that hash to its slots are affected: about a third of the reads fall ' +
    'back to the database while it is down, the other two shards carry on as before, and when it ' +
    'returns empty the herd is a third of a full restart. Watch the Operations per shard chart: ' +
    'Redis shard 2 drops to zero, and the reads sent to the database take its share. The Redis ' +
    'errors count the commands it refused.',
  {
    version: 1,
    seed: 42,
    durationMs: 40_000,
    workload: { rps: 2000, readRatio: 0.95, keys: 20_000, zipf: 0.99 },
    topology: { instances: 4, redisShards: 3 },
    cache: { strategy: 'cache-aside', l2: { ttlMs: 300_000 } },
    failures: [{ atMs: 15_000, kind: 'redis-shard-crash', target: 1, durationMs: 5000 }],
  },
  ['shardOpsChart', 'redisFallbacks', 'redisErrors'],
);
