import { describe, expect, it } from 'vitest';
import { paramsFromScenario, runRefCore } from '../../scripts/refCore.mjs';
import { runScenario } from '../../src/engine/index.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';

/**
 * The bench's yardstick must do the engine's work: the same model on the same preset gives the same
 * figures within sampling noise, or "the engine reaches 0.7 of the core" would compare different things.
 */
describe('scripts/refCore.mjs', () => {
  const baseline = getPreset('baseline')!;
  const durationMs = 60_000;
  const engine = runScenario(baseline, { durationMs });
  const core = runRefCore(paramsFromScenario(baseline, durationMs));

  it('serves as many requests as the engine, with the same mix', () => {
    expect(Math.abs(core.requests / engine.requests - 1)).toBeLessThan(0.01);
    expect(Math.abs(core.writes / core.requests - engine.writes / engine.requests)).toBeLessThan(0.005);
  });

  it('gives the engine hit ratios, database load and latency on baseline', () => {
    expect(Math.abs(core.l1HitRatio - engine.l1.hitRatio)).toBeLessThan(0.01);
    expect(Math.abs(core.l2HitRatio - engine.l2.hitRatio)).toBeLessThan(0.01);
    expect(Math.abs(core.dbReads / engine.db.reads - 1)).toBeLessThan(0.03);
    expect(Math.abs(core.meanLatencyMs / engine.latencyMs.mean - 1)).toBeLessThan(0.03);
    expect(Math.abs(core.staleReads / engine.staleReads - 1)).toBeLessThan(0.1);
  });

  it('refuses a scenario with a mechanism it does not model', () => {
    const stampede = getPreset('stampede')!;
    expect(() => paramsFromScenario(stampede, durationMs)).toThrow(/refCore does not model/);
  });
});
