import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/engine/types.ts';
import { createStoreBridge } from '../../src/runtime/bridge.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import { EngineRun } from '../../src/worker/engineRun.ts';
import type { EngineEvent } from '../../src/worker/protocol.ts';

type Update = Extract<EngineEvent, { type: 'update' }>;

/** Each shard's operations over the last simulated second before `tMs`, read straight off the series. */
function lastSecond(summary: Summary, tMs: number): number[] {
  const inside = summary.series.points.filter((p) => p.tMs > tMs - 1000 && p.tMs <= tMs);
  return summary.shards.map((_, i) => inside.reduce((sum, p) => sum + (p.shardOps[i] ?? 0), 0));
}

describe("the shards' ops rates on the stage", () => {
  it('after a seek, forward or back, are the rates at that moment, not zeros or an average over the jump', () => {
    const scenario = getPreset('hot-key')!;
    const store = createAppStore(scenario);
    const bridge = createStoreBridge(store);
    const updates: Update[] = [];
    const run = new EngineRun(scenario, (e) => e.type === 'update' && updates.push(e));
    for (const tMs of [8000, 4000]) {
      run.handle({ type: 'seek', tMs }, undefined);
      const update = updates.at(-1)!;
      expect(update.nodes.nowMs).toBe(tMs);
      bridge(update);
      const shown = store.getState().shardRates;
      const summary = store.getState().summary!;
      // The series' interval is a second here, so its last second is exactly the points up to the seek.
      expect(summary.series.intervalMs).toBe(1000);
      expect(shown).toEqual(lastSecond(summary, tMs));
      // The hot shard stands out, and no shard reads 0 while traffic flows.
      expect(Math.max(...shown)).toBeGreaterThan(4 * Math.min(...shown));
      expect(Math.min(...shown)).toBeGreaterThan(0);
    }
  });
});
