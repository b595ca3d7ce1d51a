/**
 * The engine's worker applies changes with worker/trustedChanges.ts instead of scenario/changes.ts (no
 * schema in the worker): for changes the page has validated, it must give what the full check gives.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as full from '../../src/scenario/changes.ts';
import { parsePath, schemaAt, shapeOf, unwrap } from '../../src/scenario/fields.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { LIVE_PATHS } from '../../src/scenario/livePaths.ts';
import * as trusted from '../../src/worker/trustedChanges.ts';

function baseline() {
  const s = getPreset('baseline');
  if (!s) throw new Error('baseline preset missing');
  return s;
}

describe('the worker’s change check without the schema', () => {
  it('knows the defaults of every live field whose value is an object, as the schema fills them in', () => {
    const objects = LIVE_PATHS.filter((p) => shapeOf(unwrap(schemaAt(parsePath(p))!).base));
    expect(Object.keys(trusted.OBJECT_DEFAULTS).sort()).toEqual([...objects].sort());
    for (const path of objects) {
      const base = unwrap(schemaAt(parsePath(path))!).base as z.ZodType;
      expect(trusted.OBJECT_DEFAULTS[path]).toEqual(base.parse({}));
    }
  });

  it('applies validated changes as the full check does, a nulled parent included', () => {
    const start = { ...baseline(), workload: { ...baseline().workload, hotKey: null } };
    const lists = [
      [{ path: 'workload.hotKey', value: {} }],
      [{ path: 'workload.hotKey.share', value: 0.8 }],
      [
        { path: 'cache.l2.ttlMs', value: 1500 },
        { path: 'cache.stampede.mode', value: 'lock' },
        { path: 'workload.hotKey', value: { share: 0.3 } },
        { path: 'cache.l2.ttlMs', value: null },
      ],
    ];
    for (const changes of lists) {
      expect(trusted.applyChangesTo(start, changes)).toEqual(full.applyChangesTo(start, changes));
    }
    for (const { path, value } of lists.flat()) {
      expect(trusted.validateChange(path, value)).toEqual(full.validateChange(path, value));
    }
  });

  it('still refuses a field that may not change mid-run, and a missing value', () => {
    const notLive = trusted.validateChange('topology.instances', 8);
    expect(notLive.ok === false && notLive.message).toBe(
      'topology.instances is not a field that may change mid-run',
    );
    const missing = trusted.validateChange('cache.l2.ttlMs', undefined);
    expect(missing.ok === false && missing.message).toBe('cache.l2.ttlMs: missing, expected a value');
    expect(() => trusted.applyChangesTo(baseline(), [{ path: 'seed', value: 1 }])).toThrow(
      'seed is not a field',
    );
  });
});
