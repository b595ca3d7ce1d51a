import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { baseline } from '../../src/scenario/presets/baseline.ts';
import { defaultScenario } from '../../src/scenario/presets/defaultScenario.ts';

describe('the default scenario written out for the first paint', () => {
  it('is what the schema makes of the baseline preset, field order included', () => {
    const parsed = scenarioSchema.parse(baseline.input);
    // On failure: paste this into src/scenario/presets/defaultScenario.ts (title and description
    // as baseline.title and baseline.description).
    expect(JSON.stringify(defaultScenario(), null, 2)).toBe(JSON.stringify(parsed, null, 2));
  });

  it('is a fresh copy each call', () => {
    const a = defaultScenario();
    a.workload.rps = 1;
    expect(defaultScenario().workload.rps).toBe(1000);
  });
});
