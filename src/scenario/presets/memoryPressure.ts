import { definePreset } from './preset.ts';

export const memoryPressure = definePreset(
  'memory-pressure',
  'Memory pressure: maxmemory with allkeys-lru',
  'Each of three shards may use 4 MB (maxmemory), of which an empty Redis node takes about 1.7 MB, ' +
    'while the working set of 20 000 keys of 1 KB would take about 11 MB per shard (Redis spends about ' +
    '1.4 KB on each). Redis evicts to make room: under allkeys-lru it samples five keys and drops the ' +
    'idlest, so the popular keys stay and the long tail churns. Watch the Memory per shard chart sit at ' +
    "the limit, the keys evicted climb and the L2 hit ratio settle well below an unbounded cache's. Set " +
    'the L2 eviction policy to noeviction: nothing is evicted, but once a shard is full every SET is ' +
    'refused (SETs refused (memory full)), so new keys never get cached. ' +
    'Try volatile-ttl or allkeys-lfu too.',
  {
    version: 1,
    seed: 42,
    durationMs: 40_000,
    workload: { rps: 2000, readRatio: 0.95, keys: 20_000, zipf: 0.9, valueBytes: 1024 },
    topology: { instances: 4, redisShards: 3 },
    cache: {
      strategy: 'cache-aside',
      l2: { ttlMs: 600_000, maxMemoryBytes: 4_000_000, eviction: 'allkeys-lru' },
    },
  },
  ['memoryChart', 'evictions', 'l2HitRatio', 'rejectedWrites'],
);
