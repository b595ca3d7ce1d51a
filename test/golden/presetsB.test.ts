/**
 * Golden runs of the second half of the presets (the first half is presetsA.test.ts, so Vitest runs the
 * two on both cores): each must give exactly what `test/golden/data/presets/` recorded. See runs.ts.
 */
import { describe, it } from 'vitest';
import { checkRun } from './check.ts';
import { PRESET_IDS, presetFile, presetRuns, readGolden } from './runs.ts';

const ids = PRESET_IDS.slice(Math.ceil(PRESET_IDS.length / 2));

describe('golden runs: presets (second half)', () => {
  for (const id of ids) {
    it(`${id} gives the recorded figures, series, bytes, views and trace`, () => {
      const golden = readGolden(presetFile(id));
      presetRuns(id).forEach((spec, i) => checkRun(spec, golden[i]));
    });
  }
});
