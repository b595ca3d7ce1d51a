import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/index.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';

describe('the node view the stage reads', () => {
  it("counts the hottest key's TTL down and reports it uncached once it expires", () => {
    const scenario = getPreset('stampede')!;
    const ttl = scenario.cache.l2.ttlMs!;
    const sim = createSimulation(scenario);
    sim.runUntil(3000);
    const before = sim.nodes().hotKey;
    expect(before.cached).toBe(true);
    const setAt = 3000 - (ttl - before.ttlLeftMs!);
    sim.runUntil(3050);
    expect(sim.nodes().hotKey.ttlLeftMs).toBeCloseTo(before.ttlLeftMs! - 50, 6);
    // Just past the expiry, before any read has refilled it, Redis no longer holds it.
    sim.runUntil(setAt + ttl);
    const view = sim.nodes();
    expect(view.hotKey.cached).toBe(false);
    expect(view.hotKey.shard).toBe(sim.inspectKey(0).shard);
  });

  it('shows the stampede locks held on a shard while the winner recomputes', () => {
    const scenario = getPreset('stampede-lock')!;
    const sim = createSimulation(scenario);
    let maxLocks = 0;
    for (let t = 10; t <= 12_000; t += 10) {
      sim.runUntil(t);
      maxLocks = Math.max(maxLocks, ...sim.nodes().shards.map((s) => s.locks));
    }
    expect(maxLocks).toBeGreaterThan(0);
    expect(
      createSimulation(getPreset('stampede')!)
        .nodes()
        .shards.every((s) => s.locks === 0),
    ).toBe(true);
  });
});
