import { describe, expect, it } from 'vitest';
import { getPath, setPath } from '../../src/components/config/draftPath.ts';
import { readField, unNull } from '../../src/components/config/draftValues.ts';
import type { FieldDef } from '../../src/components/config/fields.ts';
import { FIELDS } from '../../src/components/config/fields.ts';
import { sliderToValue, valueToSlider } from '../../src/components/config/sliderScale.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';

const def = (path: string): FieldDef => {
  const found = FIELDS.find((f) => f.path === path);
  if (!found) throw new Error(path);
  return found;
};

describe('draft paths', () => {
  it('reads and writes nested paths without touching other sections', () => {
    const draft: ScenarioInput = { version: 1, topology: { instances: 2 }, cache: { l2: { ttlMs: 5 } } };
    const next = setPath(draft, 'cache.l2.ttlMs', 10);
    expect(getPath(next, 'cache.l2.ttlMs')).toBe(10);
    expect(next.topology).toBe(draft.topology);
    expect(getPath(draft, 'cache.l2.ttlMs')).toBe(5);
    expect(getPath(setPath({ version: 1 }, 'failures.0.atMs', 3), 'failures')).toEqual([{ atMs: 3 }]);
  });

  it('fills values the draft leaves out with the schema defaults', () => {
    expect(readField({ version: 1 }, def('cache.l2.ttlMs'))).toEqual({ value: 60_000, isNull: false });
    expect(readField({ version: 1, cache: { l2: { ttlMs: null } } }, def('cache.l2.ttlMs'))).toEqual({
      value: 60_000,
      isNull: true,
    });
    expect(readField({ version: 1 }, def('workload.hotKey.share'))).toEqual({ value: 0.5, isNull: true });
  });

  it('writes a nullable list-row field to its own row, and a nulled object as a whole', () => {
    const rowDef: FieldDef = { ...def('cache.l2.ttlMs'), path: 'workload.families.*.ttlMs' };
    expect(unNull(rowDef, 'workload.families.2.ttlMs', 10)).toEqual(['workload.families.2.ttlMs', 10]);
    expect(unNull(def('workload.hotKey.share'), 'workload.hotKey.share', 0.3)).toEqual([
      'workload.hotKey',
      { share: 0.3 },
    ]);
  });

  it('maps log sliders end to end and back', () => {
    const ttl = def('cache.l2.ttlMs');
    expect(sliderToValue(ttl, 0)).toBe(1);
    expect(sliderToValue(ttl, 1000)).toBe(86_400_000);
    expect(valueToSlider(ttl, sliderToValue(ttl, 400))).toBe(400);
    expect(Number.isInteger(sliderToValue(def('workload.keys'), 517))).toBe(true);
  });
});
