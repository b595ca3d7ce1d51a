import { definePreset } from './preset.ts';

export const deploy = definePreset(
  'deploy',
  'Rolling deploy: each instance restarts with an empty L1',
  'Four instances, each with a 30 s L1 in front of Redis. At 15 s a rolling deploy stops one ' +
    'instance at a time for 4 s; the load balancer sends its traffic to the other three, and the new ' +
    'version starts with an empty in-process cache. The workload is read-only, so the long L1 TTL ' +
    'serves nothing stale here (add writes to see the other cost of a long L1). Watch the L1 hit ' +
    'ratio dip with each restart and the Operations per shard chart rise to refill it, while Errors ' +
    'stay 0 and instance restarts count up. With a long L1 TTL the dips last; with many instances ' +
    'and a short TTL they are barely visible.',
  {
    version: 1,
    seed: 42,
    durationMs: 40_000,
    workload: { rps: 2000, readRatio: 1, keys: 20_000, zipf: 0.99 },
    topology: { instances: 4, redisShards: 3 },
    cache: {
      strategy: 'cache-aside',
      l1: { enabled: true, ttlMs: 30_000, maxKeys: 5000 },
      l2: { ttlMs: 300_000 },
    },
    failures: [{ atMs: 15_000, kind: 'deploy', durationMs: 4000 }],
  },
  ['l1HitRatio', 'shardOpsChart', 'errors', 'instanceRestarts'],
);
