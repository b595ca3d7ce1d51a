import { describe, expect, it } from 'vitest';
import { CHANGE_FIELDS, describeChange, withChange } from '../../src/components/compare/compareChange.ts';
import { fieldFor } from '../../src/components/config/fields.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';

const stampede = getPreset('stampede')!;

describe('compare with a change', () => {
  it('offers every config field but the words and the seed', () => {
    const paths = CHANGE_FIELDS.map((f) => f.path);
    expect(paths).toContain('cache.l2.ttlMs');
    expect(paths).toContain('cache.stampede.mode');
    expect(paths).toContain('topology.instances');
    expect(paths).not.toContain('seed');
    expect(paths).not.toContain('title');
  });

  it('gives B as A with that one field set, titled by what differs', () => {
    const r = withChange(stampede, fieldFor('cache.stampede.mode')!, 'lock');
    if (!r.ok) throw new Error('refused');
    expect(r.scenario).toEqual({
      ...getPreset('stampede-lock')!,
      title: 'Cache stampede: a hot key expires, with Stampede protection = Distributed lock (SET NX EX)',
      description: stampede.description,
    });
    expect(describeChange(fieldFor('cache.l2.ttlMs')!, 5000)).toBe('L2 TTL = 5 s');
    expect(describeChange(fieldFor('cache.l1.enabled')!, false)).toBe('L1 enabled = off');
    expect(describeChange(fieldFor('cache.l2.ttlMs')!, null)).toBe('L2 TTL = No expiry');
    const noHotKey = withChange(stampede, fieldFor('workload.hotKey.share')!, null);
    expect(noHotKey.ok && noHotKey.scenario.workload.hotKey).toBeNull();
    expect(noHotKey.ok && noHotKey.scenario.title).toMatch(/with Hot key share = No hot key$/);
  });

  it('refuses a value out of range with the schema words', () => {
    expect(withChange(stampede, fieldFor('cache.l2.ttlMs')!, -5)).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          path: 'cache.l2.ttlMs',
          message: expect.stringContaining('cache.l2.ttlMs: got -5'),
        }),
      ],
    });
  });
});
