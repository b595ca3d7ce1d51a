import { hotKeyBody } from './hotKey.ts';
import { definePreset } from './preset.ts';

export const hotKeyManyShards = definePreset(
  'hot-key-many-shards',
  'Add shards, the hot key stays hot',
  'The hot key scenario on a cluster four times bigger: 64 shards instead of 16. Each shard now owns 1/64 ' +
    'of the slots, but one key still takes half of all requests and a key lives on exactly one shard, so ' +
    'that shard serves the hot key plus its 1/64 of the rest: about 32.5 times its fair share, four times ' +
    'worse than with 16. One dark tile among 64 pale ones, and one tall bar in the Operations per shard ' +
    'chart: adding shards spreads the cold keys thinner and leaves the hot one where it was. Only L1 or ' +
    'key replication ("Hot key spread over 8 replicas") moves that load.',
  { ...hotKeyBody, topology: { ...hotKeyBody.topology, redisShards: 64 } },
  ['shardOpsChart'],
);
