import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from '../../src/engine/index.ts';
import { keySlot, shardForSlot, slotRanges } from '../../src/engine/redis/keySlot.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

/** Redis reads per second of key 0 after the first second (the cold start is left out). */
function hotKeyRedisRate(scenario: Scenario): number {
  const sim = createSimulation(scenario);
  sim.runUntil(1000);
  const before = sim.summary().hotKeyRedisReads[0]!;
  sim.runUntil(scenario.durationMs);
  return (sim.summary().hotKeyRedisReads[0]! - before) / ((scenario.durationMs - 1000) / 1000);
}

/** Expected busiest-shard factor: each key's share of traffic spread evenly over its copies' shards. */
function expectedHotShardFactor(s: Scenario, copyNames: (key: number) => string[]): number {
  const shards = s.topology.redisShards;
  const ranges = slotRanges(shards);
  const load = new Array<number>(shards).fill(0);
  const share = s.workload.hotKey?.share ?? 0;
  for (let k = 0; k < s.workload.keys; k++) {
    const p = (1 - share) / s.workload.keys + (k === 0 ? share : 0); // zipf 0: uniform besides the hot key
    const names = copyNames(k);
    for (const n of names) load[shardForSlot(ranges, keySlot(n))]! += p / names.length;
  }
  return shards * Math.max(...load);
}

describe("the article's hot-key arithmetic (fidelity.md 8)", () => {
  it('a 1 s L1 on 20 instances: the hot key reaches Redis about instances / TTL times a second', () => {
    const s = getPreset('l1-hot-key')!;
    const ttlMs = s.cache.l1.ttlMs ?? Infinity;
    const n = s.network;
    // One refill costs a Redis round trip; the L1 copy lives TTL from the moment it is refilled.
    const roundTripMs = 2 * (n.redisMs + n.jitterMs) + s.cache.l2.serviceMs;
    const cyclesPerSec = s.topology.instances / ((ttlMs + roundTripMs) / 1000);
    const coalesced = hotKeyRedisRate(s);
    expect(s.topology.instances / (ttlMs / 1000)).toBe(20);
    expect(coalesced).toBeGreaterThan(cyclesPerSec * 0.95);
    expect(coalesced).toBeLessThan(cyclesPerSec * 1.05);

    // Without coalescing, every read of the key that arrives during the refill also misses:
    // 1 + (reads per instance per ms) x round trip per cycle. That count holds for Poisson arrivals at each
    // instance, which a random load balancer gives; round-robin spaces an instance's arrivals evenly, so
    // fewer fall in the window (about 12 % here) and the formula would not apply.
    const naive = hotKeyRedisRate({
      ...s,
      topology: { ...s.topology, loadBalancer: 'random' },
      cache: { ...s.cache, l1: { ...s.cache.l1, coalesce: false } },
    });
    const perInstancePerMs = (s.workload.rps * s.workload.hotKey!.share) / s.topology.instances / 1000;
    const renewalBias = (1 / s.topology.instances - 1) / 2;
    const expectedNaive = cyclesPerSec * (1 + perInstancePerMs * roundTripMs + renewalBias);
    expect(naive).toBeGreaterThan(expectedNaive * 0.9);
    expect(naive).toBeLessThan(expectedNaive * 1.1);
  });

  it('16 shards, one key with 50 % of traffic: 8.5x; with 8 replicas the factor falls as the copies spread', () => {
    const plain = getPreset('hot-key')!;
    const s = plain.workload.hotKey!.share;
    expect(16 * (s + (1 - s) / 16)).toBe(8.5);
    const r0 = runScenario(plain);
    const e0 = expectedHotShardFactor(plain, (k) => [`key:${k}`]);
    expect(r0.hotShardFactor).toBeGreaterThan(e0 * 0.95);
    expect(r0.hotShardFactor).toBeLessThan(e0 * 1.05);

    const replicated = getPreset('hot-key-replicas')!;
    const n = replicated.cache.hotKeys.replicas;
    const r1 = runScenario(replicated);
    const e1 = expectedHotShardFactor(replicated, (k) =>
      k === 0 ? Array.from({ length: n }, (_, i) => `key:0:r${i}`) : [`key:${k}`],
    );
    expect(r1.hotShardFactor).toBeGreaterThan(e1 * 0.95);
    expect(r1.hotShardFactor).toBeLessThan(e1 * 1.05);
    expect(r1.hotShardFactor).toBeLessThan(8.5 / 2);
  });

  it('64 shards: the same hot key is four times worse, about 32.5x (add shards, the hot key stays hot)', () => {
    const many = getPreset('hot-key-many-shards')!;
    const few = getPreset('hot-key')!;
    const n = many.topology.redisShards;
    const s = many.workload.hotKey!.share;
    expect(n * (s + (1 - s) / n)).toBe(32.5);
    const r = runScenario(many);
    const expected = expectedHotShardFactor(many, (k) => [`key:${k}`]);
    expect(r.hotShardFactor).toBeGreaterThan(expected * 0.95);
    expect(r.hotShardFactor).toBeLessThan(expected * 1.05);
    expect(r.hotShardFactor).toBeGreaterThan(3 * runScenario(few).hotShardFactor);
  });

  it('inspectKey lists the copies with their slots and shards', () => {
    const scenario = getPreset('hot-key-replicas')!;
    const sim = createSimulation(scenario);
    sim.runUntil(2000);
    const view = sim.inspectKey(0);
    const ranges = slotRanges(16);
    expect(view.replicas).toEqual(
      Array.from({ length: 8 }, (_, i) => {
        const slot = keySlot(`key:0:r${i}`);
        return { name: `key:0:r${i}`, slot, shard: shardForSlot(ranges, slot) };
      }),
    );
    expect(new Set(view.replicas?.map((r) => r.shard)).size).toBeGreaterThan(3);
    expect(view.redis).not.toBeNull();
    expect(sim.inspectKey(1).replicas).toEqual([]);
  });

  it('a write to a replicated key costs one command per copy', () => {
    const base = getPreset('hot-key-replicas')!;
    const scenario: Scenario = {
      ...base,
      workload: { ...base.workload, readRatio: 0.5, hotKey: { share: 1 } },
      durationMs: 5000,
    };
    const r = runScenario(scenario);
    const m = r.mitigations;
    expect(m.cacheWrites).toBeGreaterThan(100);
    expect(m.redisWriteCommands).toBe(8 * m.cacheWrites);
    // Every database write is followed by a DEL of all 8 copies (and reads re-SET them).
    expect(m.writeAmplification).toBeGreaterThanOrEqual(8);
  });
});
