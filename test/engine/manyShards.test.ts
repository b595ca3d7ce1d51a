/**
 * A cluster of 128 shards, the schema's largest: every per-shard structure (slot lookup, the key -> shard
 * cache, replica placement, locks, connections, metrics, failures' targets) must reach the last shard.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import { keySlot, slotRanges } from '../../src/engine/redis/keySlot.ts';
import { MAX_REDIS_SHARDS, scenarioSchema } from '../../src/scenario/schema.ts';

const shards = MAX_REDIS_SHARDS;
const keys = 20_000;

describe(`${shards} shards`, () => {
  const scenario = scenarioSchema.parse({
    version: 1,
    seed: 3,
    durationMs: 4000,
    workload: { rps: 20_000, readRatio: 0.9, keys, zipf: 0.6, hotKey: { share: 0.3 } },
    topology: { instances: 8, redisShards: shards },
    cache: {
      strategy: 'cache-aside',
      stampede: { mode: 'lock' },
      hotKeys: { replicas: 16, topKeys: 2 },
    },
    failures: [{ atMs: 2000, kind: 'redis-shard-crash', target: shards - 1, durationMs: 500 }],
  });
  const run = runScenario(scenario);

  it('routes every key to the shard that owns its slot, up to the last one', () => {
    // Keys per shard, computed here from the slot ranges alone.
    const ranges = slotRanges(shards);
    const owner = (slot: number) => ranges.findIndex(([a, b]) => slot >= a && slot <= b);
    const expected = new Array<number>(shards).fill(0);
    for (let k = 0; k < keys; k++) expected[owner(keySlot(`key:${k}`))]!++;
    expect(run.shards).toHaveLength(shards);
    expect(expected[shards - 1]).toBeGreaterThan(100);
    // Every shard serves commands, and none holds a key it does not own (keys held <= keys owned + copies).
    for (let i = 0; i < shards; i++) {
      expect(run.shards[i]!.ops).toBeGreaterThan(0);
      expect(run.shards[i]!.keys).toBeLessThanOrEqual(expected[i]! + 2 * 16);
    }
  });

  it('the last shard can crash, and its outage is counted', () => {
    expect(run.shardCrashes).toBe(1);
    expect(run.redisErrors).toBeGreaterThan(0);
  });
});
