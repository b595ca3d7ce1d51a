import type { Scenario } from '../scenario/schema.ts';
import {
  formatPath,
  kindOf,
  leafFields,
  numberBounds,
  parsePath,
  schemaAt,
  unwrap,
} from '../scenario/fields.ts';
import { closestName, describeAllowed } from '../scenario/messages.ts';

/**
 * Which scenario field a sweep varies, read from the schema (the one authority on fields and ranges),
 * so the CLI and the Sweep tab accept and refuse exactly the same paths with the same words.
 */

export interface SweepParam {
  /** Canonical dotted path, e.g. `cache.l2.ttlMs` or `workload.phases[1].rps`. */
  path: string;
  min: number;
  max: number;
  integer: boolean;
}

export type ParamCheck = { ok: true; param: SweepParam } | { ok: false; message: string };

const refuse = (message: string): ParamCheck => ({ ok: false, message });

/** The value at `parts`, or undefined when a step is missing. */
function valueAt(root: unknown, parts: readonly (string | number)[]): unknown {
  let node = root;
  for (const p of parts) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[p];
  }
  return node;
}

/**
 * Checks that `path` names a numeric field a sweep can vary on `scenario`: it must exist, hold numbers,
 * and (inside a list) point at an entry the scenario has. Never throws.
 *
 * @example sweepParam('cache.l2.ttl', scenario).message
 * // 'cache.l2.ttl is not a scenario field; did you mean cache.l2.ttlMs?'
 */
export function sweepParam(path: string, scenario: Scenario): ParamCheck {
  if (path.trim() === '')
    return refuse('expected the dotted path of a numeric field, such as cache.l2.ttlMs');
  const parts = parsePath(path.trim());
  const canonical = formatPath(parts);
  if (canonical === 'seed') {
    return refuse('seed cannot be swept: every point already runs on each of the sweep seeds');
  }
  const schema = schemaAt(parts);
  if (schema === undefined) {
    const guess = closestName(
      canonical,
      leafFields().map((f) => f.path),
    );
    const hint = guess ? `did you mean ${guess}?` : 'see docs/scenario-format.md for the fields';
    return refuse(`${canonical} is not a scenario field; ${hint}`);
  }
  const { base } = unwrap(schema);
  if (kindOf(base) !== 'number') {
    return refuse(`${canonical} is not a numeric field (it takes ${describeAllowed(parts)})`);
  }
  // A list entry must exist: a sweep varies a field of the scenario, it does not invent list entries.
  for (let i = 0; i < parts.length; i++) {
    if (typeof parts[i] !== 'number') continue;
    const list = valueAt(scenario, parts.slice(0, i));
    const length = Array.isArray(list) ? list.length : 0;
    if ((parts[i] as number) >= length) {
      const listPath = formatPath(parts.slice(0, i));
      return refuse(
        `${formatPath(parts.slice(0, i + 1))} does not exist (${listPath} has ${length} entries)`,
      );
    }
  }
  const { min, max, isInt } = numberBounds(base);
  return { ok: true, param: { path: canonical, min, max, integer: isInt } };
}
