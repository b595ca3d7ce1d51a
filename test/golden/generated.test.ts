/**
 * Golden runs of generated scenarios: each preset in turn with random live changes (and its failures),
 * replayed from a snapshot into the same run and into a new one. Each must give exactly what
 * `test/golden/data/generated.json` recorded. See runs.ts.
 */
import { describe, it } from 'vitest';
import { checkRun } from './check.ts';
import { GENERATED_FILE, generatedRuns, readGolden } from './runs.ts';

describe('golden runs: generated scenarios with live changes', () => {
  const golden = readGolden(GENERATED_FILE);
  it('there are some', () => {
    if (golden.length < 20) throw new Error(`only ${golden.length} generated golden runs`);
  });
  generatedRuns().forEach((spec, i) => {
    it(`${spec.id} (${spec.scenario.title}) gives the recorded run`, () => checkRun(spec, golden[i]));
  });
});
