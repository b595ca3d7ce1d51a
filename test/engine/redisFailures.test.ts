/**
 * The failures timeline for Redis and the app tier: restarts with each persistence mode, a single shard
 * crash, the app's policy while Redis is down, and a rolling deploy. Each preset is checked for the effect
 * its description promises.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from '../../src/engine/index.ts';
import type { SeriesPoint } from '../../src/engine/types.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

function preset(id: string): Scenario {
  const s = getPreset(id);
  if (!s) throw new Error(`no preset ${id}`);
  return s;
}

/** Mean per second of a series field over (fromMs, toMs]. */
function perSecond(
  points: SeriesPoint[],
  fromMs: number,
  toMs: number,
  f: (p: SeriesPoint) => number,
): number {
  const inWindow = points.filter((p) => p.tMs > fromMs && p.tMs <= toMs);
  return inWindow.reduce((n, p) => n + f(p), 0) / ((toMs - fromMs) / 1000);
}

describe('redis restart and persistence', () => {
  // Restart at 20 s, down 2 s. The seconds 15-20 are the steady state before it.
  const cold = runScenario(preset('redis-restart-cold'));
  const aof = runScenario(preset('redis-restart-aof'));
  const dbReads = (p: SeriesPoint) => p.dbReads;

  it('without persistence the database takes a herd after the restart', () => {
    const before = perSecond(cold.series.points, 15_000, 20_000, dbReads);
    const after = perSecond(cold.series.points, 22_000, 25_000, dbReads);
    // Over seeds 1-5 and 42 the ratio lies between 2.3 and 2.7: well over twice is the robust reading.
    expect(after).toBeGreaterThan(2 * before);
    expect(cold.keysLostOnRestart).toBeGreaterThan(5000);
    expect(cold.shardCrashes).toBe(3);
  });

  it('with AOF the cache comes back warm: no herd, nothing lost', () => {
    const before = perSecond(aof.series.points, 15_000, 20_000, dbReads);
    // From 23 s: the first second after the outage still drains the database queue built during it.
    const after = perSecond(aof.series.points, 23_000, 26_000, dbReads);
    expect(after).toBeLessThan(1.2 * before);
    expect(aof.keysLostOnRestart).toBe(0);
    expect(perSecond(aof.series.points, 22_000, 25_000, dbReads)).toBeLessThan(
      0.6 * perSecond(cold.series.points, 22_000, 25_000, dbReads),
    );
  });

  it('with RDB the shard comes back as its last snapshot: partly warm', () => {
    const s = preset('redis-restart-cold');
    s.cache.l2.persistence = 'rdb';
    s.cache.l2.rdbIntervalMs = 15_000; // last snapshot at 15 s, 5 s before the crash
    const rdb = runScenario(s);
    expect(rdb.keysLostOnRestart).toBeGreaterThan(0);
    expect(rdb.keysLostOnRestart).toBeLessThan(cold.keysLostOnRestart / 2);
    const after = (r: typeof rdb) => perSecond(r.series.points, 22_000, 25_000, dbReads);
    expect(after(rdb)).toBeLessThan(after(cold));
    expect(after(rdb)).toBeGreaterThan(after(aof));
  });

  it('while Redis is down, reads fall back to the database and are counted', () => {
    expect(cold.errors).toBe(0);
    // Reads arriving during the 2 s outage: about 2 s x 2000/s x 0.95.
    const expected = 2 * 2000 * 0.95;
    expect(Math.abs(cold.redisFallbacks - expected)).toBeLessThan(0.1 * expected);
    expect(cold.redisErrors).toBeGreaterThan(cold.redisFallbacks); // plus the refused SETs and DELs
    const outage = cold.series.points.filter((p) => p.tMs > 20_000 && p.tMs <= 22_000);
    expect(outage.every((p) => p.redisErrors > 0)).toBe(true);
    // No hit once the outage began, but for replies the shards had sent just before it (a few at most:
    // the reads in flight over one network hop).
    expect(outage[0]!.l2Hits).toBeLessThanOrEqual(5);
    expect(outage.slice(1).every((p) => p.l2Hits === 0)).toBe(true);
  });
});

describe('redisDownPolicy', () => {
  it('"fail": every read that needs Redis during the outage is an error, none reaches the database', () => {
    const r = runScenario(preset('redis-down-fail'));
    const expected = 3 * 2000 * 0.95; // 3 s of reads
    expect(Math.abs(r.errors - expected)).toBeLessThan(0.1 * expected);
    expect(r.redisFallbacks).toBe(0);
    expect(perSecond(r.series.points, 10_000, 13_000, (p) => p.errors)).toBeGreaterThan(1700);
  });

  it('"fallback": the same outage costs no errors, the database takes the reads', () => {
    const s = preset('redis-down-fail');
    s.cache.redisDownPolicy = 'fallback';
    const r = runScenario(s);
    expect(r.errors).toBe(0);
    const expected = 3 * 2000 * 0.95;
    expect(Math.abs(r.redisFallbacks - expected)).toBeLessThan(0.1 * expected);
    expect(perSecond(r.series.points, 10_000, 13_000, (p) => p.dbReads)).toBeGreaterThan(1500);
  });
});

describe('redis-shard-crash', () => {
  it('only the crashed shard stops serving; its share of reads goes to the database', () => {
    const r = runScenario(preset('shard-crash')); // shard 1 down from 15 s to 20 s
    const outage = r.series.points.filter((p) => p.tMs > 16_000 && p.tMs <= 20_000);
    for (const p of outage) {
      expect(p.shardOps[1]).toBe(0);
      expect(p.shardOps[0]).toBeGreaterThan(500);
      expect(p.shardOps[2]).toBeGreaterThan(500);
    }
    expect(r.shardCrashes).toBe(1);
    // The lost keys are shard 1's only: fewer than a full restart's.
    expect(r.keysLostOnRestart).toBeGreaterThan(1000);
    const full = runScenario({
      ...preset('shard-crash'),
      failures: [{ ...preset('shard-crash').failures[0]!, kind: 'redis-restart' }],
    });
    expect(r.keysLostOnRestart).toBeLessThan(full.keysLostOnRestart / 2);
    // About a third of the reads fall back: shard 1 holds about a third of the slots.
    const readsInOutage = 5 * 2000 * 0.95;
    expect(r.redisFallbacks / readsInOutage).toBeGreaterThan(0.2);
    expect(r.redisFallbacks / readsInOutage).toBeLessThan(0.45);
  });

  it('the stepping view shows the shard down, then up', () => {
    const sim = createSimulation(preset('shard-crash'));
    sim.runUntil(17_000);
    expect(sim.nodes().shards.map((s) => s.up)).toEqual([true, false, true]);
    expect(sim.nodes().shards[1]!.keys).toBe(0);
    sim.runUntil(21_000);
    expect(sim.nodes().shards[1]!.up).toBe(true);
  });
});

describe('deploy', () => {
  it('restarts each instance in turn with an empty L1; the others take the traffic, nothing fails', () => {
    const sim = createSimulation(preset('deploy')); // 4 instances, from 15 s, 4 s each
    sim.runUntil(14_999);
    expect(sim.nodes().instances.every((i) => i.up && i.l1Keys > 1000)).toBe(true);
    for (let i = 0; i < 4; i++) {
      sim.runUntil(15_000 + i * 4000 + 2000);
      const view = sim.nodes().instances;
      expect(view.map((v) => v.up)).toEqual([0, 1, 2, 3].map((k) => k !== i));
      // Requests it was draining when it stopped may have filled a few entries; the restart clears them.
      expect(view[i]!.l1Keys).toBeLessThan(20);
      expect(view[i]!.inFlight).toBe(0);
      sim.runUntil(15_000 + (i + 1) * 4000);
      expect(sim.nodes().instances[i]!.l1Keys).toBe(0);
    }
    sim.runUntil(40_000);
    const r = sim.summary();
    expect(r.instanceRestarts).toBe(4);
    expect(r.errors).toBe(0);
    // Samples at 16..30 s see three instances; at 31 s the last one is already back (scheduled first).
    expect(r.series.points.filter((p) => p.instancesUp === 3).map((p) => p.tMs / 1000)).toEqual(
      Array.from({ length: 15 }, (_, k) => 16 + k),
    );
  });

  it('each instance comes back with an empty L1: the L1 hit ratio dips in the second after', () => {
    const r = runScenario(preset('deploy'));
    const ratio = (tMs: number): number => {
      const p = r.series.points.find((q) => q.tMs === tMs)!;
      return p.l1Hits / (p.l1Hits + p.l1Misses);
    };
    // Instance i is back at 19 + 4i s; compare the second after with the second before.
    for (const back of [19_000, 23_000, 27_000, 31_000]) {
      expect(ratio(back + 1000)).toBeLessThan(ratio(back) - 0.05);
    }
  });
});

describe('failure validation', () => {
  it('a shard crash must name an existing shard', async () => {
    const { parseScenario } = await import('../../src/scenario/validate.ts');
    const r = parseScenario({
      version: 1,
      topology: { redisShards: 3 },
      failures: [{ atMs: 1000, kind: 'redis-shard-crash', target: 3, durationMs: 100 }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toContain('expected a shard index < 3');
  });
});
