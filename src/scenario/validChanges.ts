/**
 * A scenario as it stands after changes already checked (a parsed scenario's own `changes`, or changes
 * the page checked with `validateChange` before sending them), without the schema (zod): the engine's
 * worker applies changes with it (worker/trustedChanges.ts), and so does the cost estimate
 * (engine/cost.ts), which the page runs before its first paint. test/worker/trustedChanges.test.ts
 * holds it to scenario/changes.ts's `applyChangesTo`.
 */
import type { Change, Scenario } from '../engine/types.ts';

/** The defaults of the live fields whose value is an object (the schema's `hotKeySchema`). */
export const OBJECT_DEFAULTS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'workload.hotKey': { share: 0.5 },
};

/** `value` with the defaults of the object field at `path` filled in (values of other fields as they are). */
export function withObjectDefaults(path: string, value: unknown): unknown {
  const defaults = OBJECT_DEFAULTS[path];
  return defaults && typeof value === 'object' && value !== null ? { ...defaults, ...value } : value;
}

/**
 * The scenario after `changes` (valid ones: each names a live field and has a value the field accepts),
 * as scenario/changes.ts's `applyChangesTo` gives it. Its `changes` field is left as it was.
 */
export function applyValidChanges(
  scenario: Scenario,
  changes: readonly Pick<Change, 'path' | 'value'>[],
): Scenario {
  const out = structuredClone(scenario) as unknown as Record<string, unknown>;
  for (const change of changes) {
    const parts = change.path.split('.');
    let node = out;
    for (let i = 0; i < parts.length - 1; i++) {
      const key = parts[i]!;
      if (node[key] === null || typeof node[key] !== 'object') {
        node[key] = { ...OBJECT_DEFAULTS[parts.slice(0, i + 1).join('.')] };
      }
      node = node[key] as Record<string, unknown>;
    }
    node[parts[parts.length - 1]!] = withObjectDefaults(change.path, change.value);
  }
  return out as unknown as Scenario;
}
