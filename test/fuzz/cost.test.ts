/**
 * The cost guard's estimate against the events a run counts, over generated scenarios with live
 * changes: each preset, made short, with up to four changes of any live field (values from the field's
 * own schema) and often a change of the request rate. Every estimate must be within 0.5-2x.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateCost, runScenario } from '../../src/engine/index.ts';
import { getPreset, presetIds } from '../../src/scenario/presets/index.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { parseScenario } from '../../src/scenario/validate.ts';
import { fuzzRuns, fuzzSeed } from '../helpers/fuzzRuns.ts';
import { cheapToRun } from '../helpers/scenarioArb.ts';
import { liveChange } from '../scenario/arbitraries.ts';

/** A preset cut to a few seconds, with live changes somewhere in it. */
export const presetWithChanges: fc.Arbitrary<Scenario> = fc
  .record({
    id: fc.constantFrom(...presetIds),
    durationMs: fc.integer({ min: 2000, max: 6000 }),
    changes: fc.array(liveChange, { maxLength: 4 }),
    rate: fc.option(fc.record({ atMs: fc.nat(), factor: fc.double({ min: 0.1, max: 20, noNaN: true }) })),
  })
  .map(({ id, durationMs, changes, rate }) => {
    const s = structuredClone(getPreset(id)!);
    const scale = durationMs / s.durationMs;
    const list = changes.map((c) => ({ ...c, atMs: c.atMs % durationMs }));
    if (rate)
      list.push({ atMs: rate.atMs % durationMs, path: 'workload.rps', value: s.workload.rps * rate.factor });
    return cheapToRun({
      ...s,
      durationMs,
      workload: { ...s.workload, phases: s.workload.phases.map((p) => ({ ...p, atMs: p.atMs * scale })) },
      failures: s.failures.map((f) => ({ ...f, atMs: f.atMs * scale, durationMs: f.durationMs * scale })),
      changes: list.sort((a, b) => a.atMs - b.atMs),
    });
  })
  .filter((s) => parseScenario(s).ok);

describe('the cost estimate over generated scenarios with changes', () => {
  it('is within 0.5-2x of the events each run counts', () => {
    const ratios: number[] = [];
    fc.assert(
      fc.property(presetWithChanges, (s) => {
        const ratio = estimateCost(s).events / runScenario(s).events;
        ratios.push(ratio);
        expect(ratio).toBeGreaterThanOrEqual(0.5);
        expect(ratio).toBeLessThanOrEqual(2);
      }),
      { numRuns: fuzzRuns(40), seed: fuzzSeed },
    );
    ratios.sort((a, b) => a - b);
    const f = (x: number) => x.toFixed(2);
    console.log(
      `estimate / events over ${ratios.length} runs: min ${f(ratios[0]!)}, median ` +
        `${f(ratios[ratios.length >> 1]!)}, max ${f(ratios.at(-1)!)}`,
    );
  });
});
