import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from '../../src/engine/index.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { scenarioSchema, type Scenario } from '../../src/scenario/schema.ts';

/** Most keys of one shard-wide listing that expire within the same second. */
function maxExpiringInOneSecond(scenario: Scenario): number {
  const sim = createSimulation(scenario);
  sim.runUntil(1);
  const perSecond = new Map<number, number>();
  for (let i = 0; i < scenario.topology.redisShards; i++) {
    for (const k of sim.nodeKeys(`redis-${i}`, 1_000_000)) {
      const sec = Math.floor((k.expiresAtMs ?? 0) / 1000);
      perSecond.set(sec, (perSecond.get(sec) ?? 0) + 1);
    }
  }
  return Math.max(...perSecond.values());
}

describe('stampede and hot-key mitigations', () => {
  it('leave a default run untouched: every figure 0', () => {
    const r = runScenario(scenarioSchema.parse({ version: 1, durationMs: 2000 }));
    const { cacheWrites, redisWriteCommands, writeAmplification, ...rest } = r.mitigations;
    expect(Object.values(rest).every((v) => v === 0)).toBe(true);
    expect(redisWriteCommands).toBe(cacheWrites);
    expect(writeAmplification).toBe(redisWriteCommands / r.db.writes);
    expect(r.hotKeyRedisReads).toHaveLength(10);
  });

  it('the stampede presets: XFetch keeps p99 at cache speed where no mitigation queues the database', () => {
    const plain = runScenario(getPreset('stampede')!);
    const xfetch = runScenario(getPreset('stampede-xfetch')!);
    const readMs = getPreset('stampede')!.database.readMs;
    expect(plain.latencyMs.p99).toBeGreaterThan(10 * readMs);
    expect(xfetch.latencyMs.p99).toBeLessThan(readMs / 10);
    expect(xfetch.db.utilisation).toBeLessThan(0.5);
    expect(xfetch.mitigations.xfetchCycles).toBeGreaterThan(0);
  });

  it('TTL jitter spreads the expiries of keys stored together (a warm-up)', () => {
    const n = 1000;
    const ttlMs = 10_000;
    const jitter = 0.2;
    const input = (ttlJitter: number) =>
      scenarioSchema.parse({
        version: 1,
        durationMs: 100,
        workload: { rps: 0, keys: n },
        cache: { l2: { ttlMs, ttlJitter }, warming: { enabled: true, topKeys: n } },
      });
    expect(maxExpiringInOneSecond(input(0))).toBe(n);
    // Uniform over 2·j·TTL = 4 s: about n / 4 per second.
    const expected = n / ((2 * jitter * ttlMs) / 1000);
    const spread = maxExpiringInOneSecond(input(jitter));
    expect(spread).toBeGreaterThan(expected * 0.8);
    expect(spread).toBeLessThan(expected * 1.25);
  });

  it('warming shrinks the database-read spike after a Redis restart', () => {
    const on = getPreset('warming')!;
    const off: Scenario = { ...on, cache: { ...on.cache, warming: { ...on.cache.warming, enabled: false } } };
    const opts = { sampleIntervalMs: 500 };
    const a = runScenario(on, opts);
    const b = runScenario(off, opts);
    // Redis is down over [10 s, 10.5 s); the interval after it is where the cold start shows. The paced
    // warm-up still lets through the first reads of tail keys it has not reached yet.
    const after = (r: typeof a) => r.series.points.find((p) => p.tMs === 11_000)!.dbReads;
    expect(after(a)).toBeLessThan(after(b) / 2);
    expect(a.mitigations.warmingReads).toBe(2 * on.cache.warming.topKeys);
    expect(b.mitigations.warmingReads).toBe(0);
  });

  it('background refresh: no Redis misses for watched keys after warm-up, at a steady database cost', () => {
    const s = getPreset('background-refresh')!;
    const sim = createSimulation(s);
    sim.runUntil(1000);
    const early = sim.summary().hotKeyRedisMisses;
    sim.runUntil(s.durationMs);
    const r = sim.summary();
    const watched = s.cache.stampede.refreshTopKeys;
    for (let k = 0; k < watched; k++) expect(r.hotKeyRedisMisses[k]).toBe(early[k]);
    // Each watched key is re-read once per refreshAt x TTL plus one database round trip.
    const ttl = s.cache.l2.ttlMs ?? Infinity;
    const period = s.cache.stampede.refreshAt * ttl + s.database.readMs + 2 * s.network.dbMs;
    const expected = watched * Math.ceil(s.durationMs / period);
    expect(r.mitigations.refreshReads).toBeGreaterThanOrEqual(expected - watched);
    expect(r.mitigations.refreshReads).toBeLessThanOrEqual(expected);
    // The hot key's herds are gone; what remains is the refresher's load and the unwatched tail's misses.
    expect(r.db.reads).toBeLessThan(runScenario(getPreset('stampede')!).db.reads / 2);
  });

  it('lock mode snapshots and restores exactly (the lock keyspace is plain data)', () => {
    const s = getPreset('stampede-lock')!;
    const sim = createSimulation(s);
    sim.runUntil(5050);
    const snap = sim.snapshot();
    sim.runUntil(12_000);
    const first = sim.summary();
    sim.restore(snap);
    sim.runUntil(12_000);
    expect(sim.summary()).toEqual(first);
    expect(first.mitigations.lockAcquisitions).toBeGreaterThan(1);
  });
});
