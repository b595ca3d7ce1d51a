import { describe, expect, it } from 'vitest';
import { COST_BUDGET, estimateCost } from '../../src/engine/index.ts';
import { getPreset, presetIds } from '../../src/scenario/presets/index.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { costGate } from '../../src/cli/costGate.ts';
import { presetFile, readGolden } from '../golden/runs.ts';

describe('estimateCost', () => {
  // The run is the preset's full golden run (its own seed, its whole duration): test/golden records its
  // Summary and presetsA/B check, on every run of the suite, that the engine still gives exactly that
  // Summary. So the events counted come from the record instead of a second run of every preset here.
  it.each(presetIds.map((id) => [id]))('%s: events per simulated second within 2x of a run', (id) => {
    const scenario = getPreset(id)!;
    const estimate = estimateCost(scenario).eventsPerSimSecond;
    const golden = readGolden(presetFile(id))[0]!;
    expect(golden.id).toBe(`${id}#${scenario.seed}`);
    expect(golden.options).toEqual({ seed: scenario.seed });
    const run = golden.fingerprint.summary as { events: number; durationMs: number };
    expect(run.durationMs).toBe(scenario.durationMs);
    const measured = run.events / (run.durationMs / 1000);
    expect(estimate / measured).toBeGreaterThanOrEqual(0.5);
    expect(estimate / measured).toBeLessThanOrEqual(2);
  });

  it('scales with the duration and the rate, and counts set-up work for keys and warming', () => {
    const base = scenarioSchema.parse({ version: 1 });
    const a = estimateCost(base);
    const longer = estimateCost({ ...base, durationMs: base.durationMs * 10 });
    // Ten times the steady state, and the cold start of the caches once: a little under ten times.
    expect(longer.events / a.events).toBeGreaterThan(9);
    expect(longer.events / a.events).toBeLessThanOrEqual(10);
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

describe('the estimate sees live changes', () => {
  const base = scenarioSchema.parse({ version: 1, title: 'bypass' });
  it('counts a heavy rate set by a change at 0 as it counts the same rate in the workload', () => {
    const rps = 10_000_000;
    const byChange = estimateCost({ ...base, changes: [{ atMs: 0, path: 'workload.rps', value: rps }] });
    const inWorkload = estimateCost({ ...base, workload: { ...base.workload, rps } });
    expect(byChange.overBudget).toBe(true);
    expect(byChange.events).toBeCloseTo(inWorkload.events, -3);
    expect(
      costGate({ ...base, changes: [{ atMs: 0, path: 'workload.rps', value: rps }] }, {}, false),
    ).toMatch(/^this run is estimated at/);
  });

  it('counts a change for the time it is in force', () => {
    const at = base.durationMs / 4;
    const rps = 50_000;
    const late = estimateCost({ ...base, changes: [{ atMs: at, path: 'workload.rps', value: rps }] });
    const whole = estimateCost({ ...base, workload: { ...base.workload, rps } });
    // Three quarters of the run at the new rate, a quarter at the old one.
    expect(late.events).toBeGreaterThan(whole.events * 0.7);
    expect(late.events).toBeLessThan(whole.events * 0.8);
  });

  it('keeps the largest key state any change needs', () => {
    const warm = scenarioSchema.parse({ version: 1, workload: { keys: 500_000 } });
    const later = estimateCost({
      ...warm,
      changes: [
        { atMs: 1000, path: 'cache.warming.enabled', value: true },
        { atMs: 1000, path: 'cache.warming.topKeys', value: 400_000 },
      ],
    });
    expect(later.setupKeys).toBe(500_000 + 400_000);
    expect(later.stateBytes).toBeGreaterThan(estimateCost(warm).stateBytes);
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
