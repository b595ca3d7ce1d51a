import { definePreset } from './preset.ts';

export const lfuVsLru = definePreset(
  'lfu-vs-lru',
  'LFU against LRU: a scan floods the cache',
  'Product pages follow a Zipf curve over 5000 keys, while a batch export reads 300 000 other keys ' +
    'about once each, 30 % of the traffic. Redis has room for about 1800 entries. Under allkeys-lru ' +
    'every key the export touches is the most recently used, so it pushes popular products out; ' +
    'under allkeys-lfu (the setting here) a new key starts with a low counter (5) and is the first ' +
    'to go, while products read often keep counters in the tens. Note the L2 hit ratio and the ' +
    'per-family hit ratios, then set the L2 eviction policy to allkeys-lru and compare.',
  {
    version: 1,
    seed: 42,
    durationMs: 40_000,
    workload: {
      rps: 2000,
      readRatio: 1,
      families: [
        { name: 'product', share: 0.7, keys: 5000, zipf: 1, ttlMs: 600_000 },
        { name: 'export', share: 0.3, keys: 300_000, zipf: 0, ttlMs: 600_000 },
      ],
    },
    topology: { instances: 4, redisShards: 3 },
    cache: { strategy: 'cache-aside', l2: { maxMemoryBytes: 2_550_000, eviction: 'allkeys-lfu' } },
  },
  ['l2HitRatio', 'familyRow'],
);
