import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/index.ts';
import type { KeyView } from '../../src/engine/types.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

/**
 * What the stale windows add to the key inspector (KeyView.staleWindows) and to the stage (NodeView's
 * `staleServed`): checked against the key's own layers and against the run's Summary.
 */
type Copy = NonNullable<KeyView['staleWindows']>[number];

const windowOf = (past: number, swr: number, sie: number): Copy['window'] =>
  past < 0 ? 'fresh' : past < swr ? 'while-revalidate' : past < sie ? 'if-error' : 'expired';

/** A preset's run cut short, so the test stays small. */
function shortRun(id: string, durationMs: number): Scenario {
  return { ...getPreset(id)!, durationMs };
}

describe('the stale windows in the key view and the node view', () => {
  it('L1: one row per L1 copy, its time past the TTL from the copy kept 2 s longer, and refreshes in flight', () => {
    const sim = createSimulation(shortRun('l1-hot-key-swr', 4000));
    let sawWindow = false;
    let sawRefresh = false;
    for (let t = 1000; t <= 4000; t += 7) {
      sim.runUntil(t);
      const view = sim.inspectKey(0);
      const rows = view.staleWindows!;
      const held = view.l1.flatMap((e, i) => (e === null ? [] : [{ e, i }]));
      expect(rows.map((r) => r.node)).toEqual(held.map(({ i }) => `app-${i}`));
      held.forEach(({ e }, n) => {
        const r = rows[n]!;
        expect(r.version).toBe(e.version);
        expect(r.pastTtlMs).toBe(sim.now() - (e.expiresAtMs! - 2000));
        expect(r.window).toBe(windowOf(r.pastTtlMs, 2000, 0));
        expect([r.whileRevalidateMs, r.ifErrorMs]).toEqual([2000, 0]);
      });
      if (rows.some((r) => r.window === 'while-revalidate')) sawWindow = true;
      if (rows.some((r) => r.refreshing)) sawRefresh = true;
    }
    expect(sawWindow).toBe(true);
    expect(sawRefresh).toBe(true);
    // Each instance's count on the stage adds up to the Summary's.
    const w = sim.summary().staleWindows!.l1;
    const byInstance = sim.nodes().instances.map((v) => v.staleServed!);
    expect(byInstance.reduce((a, v) => a + v.whileRevalidating, 0)).toBe(w.servedWhileRevalidating);
    expect(byInstance.reduce((a, v) => a + v.ifError, 0)).toBe(w.servedIfError);
    expect(w.servedWhileRevalidating).toBeGreaterThan(0);
    expect(sim.nodes().shards.every((v) => v.staleServed === undefined)).toBe(true);
  });

  it('Redis: a key past its TTL within stale-if-error during the outage, and the errors avoided per shard', () => {
    const sim = createSimulation(shortRun('db-outage-redis-stale-if-error', 32_000));
    sim.runUntil(32_000);
    const rows = Array.from({ length: 500 }, (_, k) => sim.inspectKey(k).staleWindows!).flat();
    expect(rows.every((r) => r.node.startsWith('redis-'))).toBe(true);
    expect(rows.every((r) => r.window === windowOf(r.pastTtlMs, 0, 600_000))).toBe(true);
    expect(rows.some((r) => r.window === 'if-error')).toBe(true);
    const w = sim.summary().staleWindows!.l2;
    const byShard = sim.nodes().shards.map((v) => v.staleServed!);
    expect(byShard.reduce((a, v) => a + v.ifError, 0)).toBe(w.servedIfError);
    expect(w.servedIfError).toBeGreaterThan(0);
    expect(sim.nodes().instances.every((v) => v.staleServed === undefined)).toBe(true);
  });

  it("CDN: the route's copy, past max-age within stale-while-revalidate, with its revalidation", () => {
    const sim = createSimulation(shortRun('cdn-hot-key-swr', 5000));
    let seen: Copy | null = null;
    for (let t = 500; t <= 5000 && seen === null; t += 3) {
      sim.runUntil(t);
      const rows = sim.inspectKey(0).staleWindows!;
      expect(rows.map((r) => [r.node, r.route])).toEqual(rows.length ? [['cdn', 'product-page']] : []);
      for (const r of rows) expect(r.window).toBe(windowOf(r.pastTtlMs, 10_000, 0));
      seen = rows.find((r) => r.window === 'while-revalidate' && r.refreshing) ?? null;
    }
    expect(seen).not.toBeNull();
  });

  it('are absent when no window is set', () => {
    const sim = createSimulation(shortRun('l1-hot-key-expiry', 2000));
    sim.runUntil(2000);
    expect(sim.inspectKey(0).staleWindows).toBeUndefined();
    expect(sim.nodes().instances[0]!.staleServed).toBeUndefined();
  });
});
