import { describe, expect, it } from 'vitest';
import { COST_BUDGET, estimateCost, runScenario } from '../../src/engine/index.ts';
import { getPreset, presetIds } from '../../src/scenario/presets/index.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { costGate } from '../../src/cli/costGate.ts';

describe('estimateCost', () => {
  it.each(presetIds.map((id) => [id]))('%s: events per simulated second within 2x of a run', (id) => {
    const scenario = getPreset(id)!;
    const estimate = estimateCost(scenario).eventsPerSimSecond;
    const run = runScenario(scenario);
    const measured = run.events / (run.durationMs / 1000);
    expect(estimate / measured).toBeGreaterThanOrEqual(0.5);
    expect(estimate / measured).toBeLessThanOrEqual(2);
  });

  it('scales with the duration and the rate, and counts set-up work for keys and warming', () => {
    const base = scenarioSchema.parse({ version: 1 });
    const a = estimateCost(base);
    const longer = estimateCost({ ...base, durationMs: base.durationMs * 10 });
    expect(longer.events).toBeCloseTo(a.events * 10, 0);
    const busier = estimateCost({ ...base, workload: { ...base.workload, rps: base.workload.rps * 10 } });
    expect(busier.eventsPerSimSecond).toBeGreaterThan(a.eventsPerSimSecond * 5);
    const big = scenarioSchema.parse({
      version: 1,
      workload: { keys: 1_450_000 },
      cache: { warming: { enabled: true, topKeys: 791_000 } },
    });
    expect(estimateCost(big).setupKeys).toBe(1_450_000 + 791_000);
    expect(estimateCost(big).stateBytes).toBeGreaterThan(50_000_000);
  });

  it('puts the presets under the budget and an hour-long saturated run over it', () => {
    for (const id of presetIds) expect(estimateCost(getPreset(id)!).overBudget, id).toBe(false);
    const huge = scenarioSchema.parse({ version: 1, durationMs: 86_400_000, workload: { rps: 100_000 } });
    expect(estimateCost(huge).work).toBeGreaterThan(COST_BUDGET);
    expect(estimateCost(huge).overBudget).toBe(true);
  });
});

describe('the CLI cost gate', () => {
  const huge = scenarioSchema.parse({ version: 1, durationMs: 86_400_000, workload: { rps: 100_000 } });
  it('refuses an over-budget run without --force, in one line that says what to do', () => {
    const message = costGate(huge, {}, false);
    expect(message).toMatch(
      /^this run is estimated at [\d,]+ million events \(budget 300 million.*add --force/,
    );
    expect(message).not.toContain('\n');
  });

  it('lets it through with --force, or when --duration-ms shortens it', () => {
    expect(costGate(huge, {}, true)).toBeNull();
    expect(costGate(huge, { durationMs: 10_000 }, false)).toBeNull();
  });
});
