/**
 * Each mechanism's reconcile (see the audit in docs/adding-a-mechanism.md, "Live changes"): a live
 * change, then the run, gives what the mechanism promises after it.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/index.ts';
import type { Summary } from '../../src/engine/types.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';

/** Misses that take a while at the database, so lease holders are in flight at any instant. */
const scenario = scenarioSchema.parse({
  version: 1,
  durationMs: 3000,
  seed: 5,
  workload: { rps: 2000, keys: 400, readRatio: 0.8 },
  cache: { l2: { ttlMs: 100 }, leases: { enabled: true, waitMs: 2, leaseTtlMs: 200 } },
  database: { connections: 50, readMs: 20 },
  monitoring: { enabled: false },
});

const leasesOf = (s: Summary) => s.leases!;

describe('leases: reconcile', () => {
  it('switched off live, no fill lands with a lease granted before, and the late fills are refused', () => {
    const sim = createSimulation(scenario);
    sim.runUntil(1000);
    const at = structuredClone(leasesOf(sim.summary()));
    expect(at.granted).toBeGreaterThan(0);
    sim.applyChange({ path: 'cache.leases.enabled', value: false });
    sim.runUntil(Infinity);
    const end = leasesOf(sim.summary());
    expect(end.granted).toBe(at.granted);
    expect(end.waits).toBe(at.waits);
    // Every holder in flight at the switch finds its lease forgotten.
    expect(end.fills).toBe(at.fills);
    expect(end.refusedFills).toBeGreaterThan(at.refusedFills);
    expect(end.fills + end.refusedFills).toBeLessThanOrEqual(end.granted);
  });

  it('switched off and on again, it grants and fills leases again from an empty table', () => {
    const sim = createSimulation(scenario);
    sim.runUntil(1000);
    sim.applyChange({ path: 'cache.leases.enabled', value: false });
    sim.runUntil(1050);
    const off = structuredClone(leasesOf(sim.summary()));
    sim.applyChange({ path: 'cache.leases.enabled', value: true });
    sim.runUntil(Infinity);
    const end = leasesOf(sim.summary());
    expect(end.granted).toBeGreaterThan(off.granted);
    expect(end.fills).toBeGreaterThan(off.fills);
  });
});
