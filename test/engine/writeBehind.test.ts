/**
 * Write-behind: fast acknowledged writes, a database that lags by about the flush interval, ordered vs
 * unordered flushing, and the instance-crash failure seen from the load balancer and the inspector.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from '../../src/engine/index.ts';
import type { Scenario } from '../../src/engine/types.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';

const crashPreset = getPreset('write-behind-crash')!;
const noFailure: Scenario = { ...crashPreset, failures: [] };

describe('write-behind', () => {
  it('flushes in batches within about one flush interval', () => {
    const s = runScenario(noFailure);
    const wb = s.writeBehind!;
    const cfg = noFailure.cache.writeBehind;
    expect(wb.acknowledged).toBe(s.writes);
    expect(wb.batches).toBeGreaterThan(0);
    expect(wb.flushedRows / wb.batches).toBeLessThanOrEqual(cfg.batchSize);
    // A write waits for the next tick at most, then for its batch (exponential service, mean
    // writeMs * (1 + 49 * rowCost) = 59 ms for a full one) and perhaps the batch ahead of it.
    const fullBatchMs = noFailure.database.writeMs * (1 + (cfg.batchSize - 1) * cfg.rowCost);
    expect(wb.maxDbLagMs).toBeGreaterThan(cfg.flushIntervalMs * 0.9);
    expect(wb.maxDbLagMs).toBeLessThan(cfg.flushIntervalMs + 10 * fullBatchMs);
    expect(wb.meanDbLagMs).toBeGreaterThan(50);
    expect(wb.meanDbLagMs).toBeLessThan(cfg.flushIntervalMs);
    expect(wb.series).toHaveLength(noFailure.durationMs / 1000);
    expect(Math.max(...wb.series.map((p) => p.queueDepth))).toBeLessThanOrEqual(wb.maxQueueDepth);
    expect(s.db.writes).toBe(wb.flushedRows);
  });

  it('acknowledges writes faster than write-through', () => {
    const wt: Scenario = { ...noFailure, cache: { ...noFailure.cache, strategy: 'write-through' } };
    expect(runScenario(noFailure).latencyMs.p99).toBeLessThan(runScenario(wt).latencyMs.p99);
  });

  it('ordered flushing never moves a row back; unordered flushing does, and reads see it', () => {
    const unordered = getPreset('write-behind-unordered')!;
    const ordered: Scenario = {
      ...unordered,
      cache: { ...unordered.cache, writeBehind: { ...unordered.cache.writeBehind, ordered: true } },
    };
    const watch = (scenario: Scenario): { backwards: number; regressions: number; staleFromDb: number } => {
      const sim = createSimulation(scenario);
      const last = new Array<number>(scenario.workload.keys).fill(0);
      let backwards = 0;
      for (let t = 10; t <= scenario.durationMs; t += 10) {
        sim.runUntil(t);
        for (let k = 0; k < last.length; k++) {
          const v = sim.inspectKey(k).dbVersion;
          if (v < last[k]!) backwards++;
          last[k] = v;
        }
      }
      const wb = sim.summary().writeBehind!;
      return { backwards, regressions: wb.dbRegressions, staleFromDb: wb.regressionStaleReads };
    };
    const o = watch(ordered);
    const u = watch(unordered);
    expect(o).toEqual({ backwards: 0, regressions: 0, staleFromDb: 0 });
    // Seen from outside, every 10 ms: the database's version of a key went down.
    expect(u.backwards).toBeGreaterThan(0);
    expect(u.regressions).toBeGreaterThanOrEqual(u.backwards);
    expect(u.staleFromDb).toBeGreaterThan(0);
  });

  it('shows the acknowledged version next to the database version in the inspector', () => {
    const sim = createSimulation(noFailure);
    sim.runUntil(5500);
    const views = Array.from({ length: 50 }, (_, k) => sim.inspectKey(k));
    const ahead = views.filter((v) => v.ackedVersion !== undefined);
    expect(ahead.length).toBeGreaterThan(0);
    for (const v of ahead) expect(v.ackedVersion).toBeGreaterThan(v.dbVersion);
  });
});

describe('instance-crash', () => {
  const crash = crashPreset.failures[0]!;

  it('takes the instance out of the load balancer while it is down, then brings it back cold', () => {
    const sim = createSimulation(crashPreset, { trace: true });
    sim.runUntil(crash.atMs + 1);
    expect(sim.nodes().instances[crash.target]!.up).toBe(false);
    expect(sim.nodes().instances[crash.target]!.l1Keys).toBe(0);
    expect(sim.nodes().instances[crash.target]!.writeQueue).toBe(0);
    sim.drainRequests();
    sim.runUntil(crash.atMs + crash.durationMs - 1);
    const during = sim.drainRequests().filter((r) => r.startMs > crash.atMs + 10);
    expect(during.length).toBeGreaterThan(1000);
    expect(during.filter((r) => r.instance === crash.target)).toEqual([]);
    sim.runUntil(crash.atMs + crash.durationMs + 1000);
    expect(sim.nodes().instances[crash.target]!.up).toBe(true);
    expect(sim.drainRequests().some((r) => r.instance === crash.target)).toBe(true);
  });

  it('is deterministic: the same scenario loses the same writes', () => {
    expect(runScenario(crashPreset)).toEqual(runScenario(crashPreset));
  });
});
