/**
 * What a live change does after its time, for the workload and the caches: each expected figure comes
 * from a formula (fidelity.md) or from the state just before the change, never from a pasted number.
 */
import { describe, expect, it } from 'vitest';
import { zipfProbabilities } from '../../src/engine/core/zipf.ts';
import { createSimulation } from '../../src/engine/index.ts';
import { EMPTY_NODE_BYTES } from '../../src/engine/redis/memory.ts';
import type { Simulation, Summary } from '../../src/engine/types.ts';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';

function scenario(input: Omit<ScenarioInput, 'version'>) {
  return scenarioSchema.parse({ version: 1, seed: 3, ...input });
}

/** The run's figures between two times (the simulation is left at `to`). */
function window(sim: Simulation, from: number, to: number) {
  sim.runUntil(from);
  const a = sim.summary();
  sim.runUntil(to);
  const b = sim.summary();
  const d = (f: (s: Summary) => number) => f(b) - f(a);
  return {
    requests: d((s) => s.requests),
    reads: d((s) => s.reads),
    writes: d((s) => s.writes),
    hotReads: d((s) => s.hotKeyRedisReads[0]!),
  };
}

/** A count expected to be Poisson (or binomial with a small p) lies within 5 standard deviations. */
function expectCount(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThan(5 * Math.sqrt(expected) + 1);
}

/** fidelity.md 1: Σ p_i · x/(1 + x), x = λ p_i T (TTL counted from insertion, fetch time negligible). */
function ttlHitRatio(p: Float64Array, rps: number, ttlS: number): number {
  let h = 0;
  for (const pi of p) h += (pi * (rps * pi * ttlS)) / (1 + rps * pi * ttlS);
  return h;
}

describe('a live change of the L2 TTL', () => {
  // The fidelity tests' TTL setting: no network, no service time, so a miss refills Redis at once.
  const RPS = 1000;
  const KEYS = 1000;
  const ZIPF = 0.8;
  const base = scenario({
    durationMs: 20_000,
    workload: { rps: RPS, keys: KEYS, zipf: ZIPF, readRatio: 1 },
    topology: { instances: 1, redisShards: 1 },
    network: { clientMs: 0, redisMs: 0, dbMs: 0, jitterMs: 0 },
    cache: { l2: { ttlMs: 5000, serviceMs: 0 } },
    database: { readMs: 0, serviceTime: 'constant' },
  });
  const p = zipfProbabilities(KEYS, ZIPF);

  it('drops to 1 ms: the hit ratio in the series falls to the formula within one old TTL, DB reads rise', () => {
    const sim = createSimulation(base);
    sim.runUntil(10_000);
    sim.applyChange({ path: 'cache.l2.ttlMs', value: 1 });
    sim.runUntil(20_000);
    const points = sim.summary().series.points;
    /** Hit ratio and database reads per second over the series points in (from, to]. */
    const over = (from: number, to: number) => {
      const ps = points.filter((p) => p.tMs > from && p.tMs <= to);
      const sum = (f: (p: (typeof ps)[number]) => number) => ps.reduce((n, p) => n + f(p), 0);
      const hits = sum((p) => p.l2Hits);
      const lookups = hits + sum((p) => p.l2Misses);
      return { hitRatio: hits / lookups, lookups, dbReads: sum((p) => p.dbReads), seconds: ps.length };
    };
    const before = over(5000, 10_000); // one TTL after the cold start: stationary
    const after = over(15_000, 20_000); // the entries stored before the change have all expired

    const hBefore = ttlHitRatio(p, RPS, 5);
    const hAfter = ttlHitRatio(p, RPS, 0.001);
    expect(hBefore).toBeGreaterThan(0.7);
    expect(hAfter).toBeLessThan(0.05);
    expect(Math.abs(before.hitRatio - hBefore)).toBeLessThan(0.02);
    expect(Math.abs(after.hitRatio - hAfter)).toBeLessThan(0.02);
    expectCount(before.dbReads, before.lookups * (1 - hBefore));
    expectCount(after.dbReads, after.lookups * (1 - hAfter));
    expect(after.dbReads / after.seconds).toBeGreaterThan(3 * (before.dbReads / before.seconds));
    // Within a few seconds: every second from one old TTL after the change on is at the new level.
    for (let t = 15_000; t < 20_000; t += 1000)
      expect(over(t, t + 1000).hitRatio).toBeLessThan(hAfter + 0.05);
  });

  it('leaves every entry already stored with its expiry; new SETs take the new TTL', () => {
    const sim = createSimulation(base);
    sim.runUntil(8000);
    const stored = sim.nodeKeys('redis-0', 100_000);
    sim.applyChange({ path: 'cache.l2.ttlMs', value: 300 });
    const expiryOf = new Map(stored.map((e) => [e.key, e.expiresAtMs]));
    for (const e of sim.nodeKeys('redis-0', 100_000)) expect(e.expiresAtMs).toBe(expiryOf.get(e.key));
    // 200 ms: about 30 misses refill Redis (fewer than 10 in 100 ms at some seeds), each with the new TTL.
    sim.runUntil(8200);
    const rewritten = sim.nodeKeys('redis-0', 100_000).filter((e) => e.expiresAtMs !== expiryOf.get(e.key));
    expect(rewritten.length).toBeGreaterThan(10);
    for (const e of rewritten) {
      expect(e.expiresAtMs).toBeGreaterThan(8000);
      expect(e.expiresAtMs).toBeLessThanOrEqual(8200 + 300);
    }
  });
});

describe('live changes of the workload', () => {
  const base = scenario({
    durationMs: 12_000,
    workload: { rps: 1000, keys: 1000, zipf: 0.9, readRatio: 0.9, phases: [{ atMs: 8000, rps: 3000 }] },
    cache: { l1: { enabled: false } },
  });

  it('a new rate holds from the change until the next phase, which still sets its own', () => {
    const sim = createSimulation(base);
    sim.runUntil(4000);
    sim.applyChange({ path: 'workload.rps', value: 200 });
    expectCount(window(sim, 4500, 8000).requests, 200 * 3.5);
    expectCount(window(sim, 8500, 12_000).requests, 3000 * 3.5);
  });

  it('a new read ratio and Zipf exponent shape the requests that follow', () => {
    const sim = createSimulation(base);
    sim.runUntil(2000);
    sim.applyChange({ path: 'workload.readRatio', value: 0.5 });
    sim.applyChange({ path: 'workload.zipf', value: 1.5 });
    const w = window(sim, 2000, 7000);
    expectCount(w.writes, w.requests * 0.5);
    // With L1 off every read of key 0 is one Redis GET: λ · readRatio · p_0 per second.
    const p0 = zipfProbabilities(1000, 1.5)[0]!;
    expectCount(w.hotReads, w.reads * p0);
    expect(p0).toBeGreaterThan(2 * zipfProbabilities(1000, 0.9)[0]!);
  });

  it('a hot key added mid-run takes its share of the requests that follow', () => {
    const sim = createSimulation(base);
    sim.runUntil(2000);
    sim.applyChange({ path: 'workload.hotKey', value: {} }); // the field's default share, 0.5
    expect(sim.scenario.changes[0]?.value).toEqual({ share: 0.5 });
    const w = window(sim, 2000, 7000);
    const p0 = zipfProbabilities(1000, 0.9)[0]!;
    expectCount(w.hotReads, w.reads * (0.5 + 0.5 * p0));
  });
});

describe('live changes of the caches', () => {
  const base = scenario({
    durationMs: 6000,
    workload: { rps: 3000, keys: 5000, zipf: 0.8, readRatio: 0.95 },
    topology: { instances: 3, redisShards: 3 },
    cache: { l1: { enabled: true, ttlMs: 2000, maxKeys: 400 }, l2: { ttlMs: 10_000 } },
  });

  it('a smaller L2 maxKeys evicts every shard down to it at once, with the policy in force', () => {
    const sim = createSimulation(base);
    sim.runUntil(3000);
    const before = sim.summary().shards;
    const limit = Math.floor(Math.min(...before.map((s) => s.keys)) / 2);
    sim.applyChange({ path: 'cache.l2.maxKeys', value: limit });
    const after = sim.summary().shards;
    after.forEach((s, i) => {
      expect(s.keys).toBe(limit);
      expect(s.evictions - before[i]!.evictions).toBe(before[i]!.keys - limit);
    });
    sim.runUntil(6000);
    for (const s of sim.summary().shards) expect(s.keys).toBeLessThanOrEqual(limit);
  });

  it('under noeviction a shard over a smaller limit keeps its keys and refuses new ones', () => {
    const sim = createSimulation({
      ...base,
      cache: { ...base.cache, l2: { ...base.cache.l2, eviction: 'noeviction' } },
    });
    sim.runUntil(3000);
    const before = sim.summary();
    sim.applyChange({ path: 'cache.l2.maxKeys', value: 10 });
    sim.runUntil(4000);
    const after = sim.summary();
    after.shards.forEach((s, i) => expect(s.keys).toBeLessThanOrEqual(before.shards[i]!.keys));
    expect(after.rejectedWrites).toBeGreaterThan(before.rejectedWrites);
  });

  it('a smaller maxMemoryBytes evicts down to it at once', () => {
    const sim = createSimulation(base);
    sim.runUntil(3000);
    // A third of the keys' memory, above the empty node's, which counts against maxmemory too.
    const used = Math.min(...sim.summary().shards.map((s) => s.memoryBytes));
    const limit = Math.floor(EMPTY_NODE_BYTES + (used - EMPTY_NODE_BYTES) / 3);
    sim.applyChange({ path: 'cache.l2.maxMemoryBytes', value: limit });
    for (const s of sim.summary().shards) expect(s.memoryBytes).toBeLessThanOrEqual(limit);
  });

  it('a smaller L1 evicts each instance down to it at once; switched off, the L1s are dropped', () => {
    const sim = createSimulation(base);
    sim.runUntil(3000);
    expect(Math.min(...sim.nodes().instances.map((i) => i.l1Keys))).toBeGreaterThan(100);
    sim.applyChange({ path: 'cache.l1.maxKeys', value: 100 });
    for (const i of sim.nodes().instances) expect(i.l1Keys).toBe(100);
    sim.runUntil(4000);
    const hits = sim.summary().l1.hits;
    sim.applyChange({ path: 'cache.l1.enabled', value: false });
    for (const i of sim.nodes().instances) expect(i.l1Keys).toBe(0);
    sim.runUntil(6000);
    expect(sim.summary().l1.hits).toBe(hits);
    for (const i of sim.nodes().instances) expect(i.l1Keys).toBe(0);
  });

  it('a new L1 TTL leaves held entries their expiry and applies to the next fills', () => {
    const sim = createSimulation(base);
    sim.runUntil(3000);
    const held = new Map(sim.nodeKeys('app-0', 10_000).map((e) => [e.key, e.expiresAtMs]));
    sim.applyChange({ path: 'cache.l1.ttlMs', value: 50 });
    for (const e of sim.nodeKeys('app-0', 10_000)) expect(e.expiresAtMs).toBe(held.get(e.key));
    sim.runUntil(3040);
    const fresh = sim.nodeKeys('app-0', 10_000).filter((e) => e.expiresAtMs !== held.get(e.key));
    expect(fresh.length).toBeGreaterThan(5);
    for (const e of fresh) expect(e.expiresAtMs).toBeLessThanOrEqual(3040 + 50);
  });
});
