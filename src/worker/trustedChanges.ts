/**
 * What the engine's worker uses in place of scenario/changes.ts (vite.config.ts swaps it in for the
 * engine in the worker's bundle only), so the worker carries no schema (zod). The page checks every
 * change with the full `validateChange` before sending it (the session, the config panel, the embed
 * API) and every scenario with `parseScenario`; here a change is only checked to name a live field and
 * to have a value. Values are taken as they are, with the defaults the schema would fill in for the
 * one live field that is an object (`workload.hotKey`, scenario/validChanges.ts);
 * test/worker/trustedChanges.test.ts holds these to the schema's.
 */
import type { Change, Scenario } from '../engine/types.ts';
import { isLivePath } from '../scenario/livePaths.ts';
import type { ChangeCheck } from '../scenario/changes.ts';
import { applyValidChanges, withObjectDefaults } from '../scenario/validChanges.ts';

export { OBJECT_DEFAULTS } from '../scenario/validChanges.ts';

const problem = (message: string, part: 'path' | 'value'): ChangeCheck => ({
  ok: false,
  message,
  part,
  entryDetail: message,
});

/** The worker's check of one change: a live field, a value, an object completed with its defaults. */
export function validateChange(path: unknown, value: unknown): ChangeCheck {
  if (typeof path !== 'string' || !isLivePath(path)) {
    return problem(`${String(path)} is not a field that may change mid-run`, 'path');
  }
  if (value === undefined) return problem(`${path}: missing, expected a value`, 'value');
  return { ok: true, value: withObjectDefaults(path, value) };
}

/** The scenario after `changes`, as scenario/changes.ts's `applyChangesTo` gives it for valid changes. */
export function applyChangesTo(
  scenario: Scenario,
  changes: readonly Pick<Change, 'path' | 'value'>[],
): Scenario {
  for (const change of changes) {
    const check = validateChange(change.path, change.value);
    if (!check.ok) throw new Error(check.message);
  }
  return applyValidChanges(scenario, changes);
}
