import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createModel } from '../../src/engine/flow/model.ts';
import { composeHooks } from '../../src/engine/flow/points.ts';
import type { HookSet } from '../../src/engine/flow/shapes.ts';
import { PLAN } from '../../src/engine/registry.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';

// V8's own answer to "are this object's properties fields, or a hash table?" (dictionary mode).
setFlagsFromString('--allow-natives-syntax');
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;

// Every `c.m.hooks.<point>` read on the hot paths is a field load only while the hooks object has fast
// properties; in dictionary mode each is a hash lookup (a 20th point, `refused`, cost the engine ~10-15%).
describe('composeHooks', () => {
  it("keeps the hooks of a real run's model in fast properties", () => {
    const scenario = getPreset('baseline')!;
    const m = createModel(scenario, 10_000, 1, 1000, PLAN);
    expect(Object.keys(m.hooks)).toEqual(Object.keys(composeHooks([])));
    expect(hasFastProperties(m.hooks)).toBe(true);
  });

  it('gives an object with fast properties, with no hook and with one at every point', () => {
    const none = composeHooks([]);
    const hook = (): void => {};
    const every = Object.fromEntries(Object.keys(none).map((p) => [p, hook])) as HookSet;
    const all = composeHooks([every, every]);
    expect(Object.keys(all)).toEqual(Object.keys(none));
    expect(Object.values(none).every((f) => f === null)).toBe(true);
    expect(Object.values(all).every((f) => typeof f === 'function')).toBe(true);
    expect(hasFastProperties(none)).toBe(true);
    expect(hasFastProperties(all)).toBe(true);
  });
});
