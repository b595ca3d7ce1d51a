import type { z } from 'zod';
import type { ScenarioShape as Scenario } from './scenarioShape.ts';
import { formatPath, leafFields, parsePath, schemaAt, shapeOf, unwrap } from './fields.ts';
import { closestName, formatValue, issueToErrors } from './messages.ts';
import type { Change } from './changeSchema.ts';
import { isLivePath, LIVE_PATHS } from './livePaths.ts';

export { changeSchema, MAX_CHANGES, type Change } from './changeSchema.ts';

/**
 * Live changes: the fields a running simulation can take a new value for, how a change's path and value
 * are checked, and a scenario as it stands after some changes. What each change does to the state
 * already there is the engine's business (`engine/flow/liveChanges.ts`) and is described, path by path,
 * in docs/scenario-format.md.
 */

export { LIVE_PATHS, isLivePath, type LivePath } from './livePaths.ts';

/** Why a field (or every field under it) keeps its start value; the message repeats it to the user. */
const RESTART_ONLY: Readonly<Record<string, string>> = {
  version: 'it is the format version',
  title: 'it describes the scenario, not the system',
  description: 'it describes the scenario, not the system',
  seed: 'the seed fixes every random draw from time 0',
  durationMs: 'the length of the run is fixed when it starts',
  'workload.keys': 'the keyspace is laid out when the run starts',
  'workload.families': 'the keyspace is laid out when the run starts',
  'workload.absent': 'the absent keys are laid out with the keyspace when the run starts',
  'cache.negative.bloomBits': 'the Bloom filter is built when the run starts',
  'cache.negative.bloomHashes': 'the Bloom filter is built when the run starts',
  'cache.tracking': 'the instances turn tracking on as they connect to Redis, when the run starts',
  'cache.staleWindows':
    'a copy is kept past its TTL for the windows as it is stored, from the start of the run',
  'workload.phases': 'phases are the timeline, scheduled when the run starts',
  'topology.instances': 'the topology is built when the run starts',
  'topology.redisShards': 'the topology is built when the run starts',
  'topology.cdn': 'the topology is built when the run starts',
  'cdn.routes': 'the edge is laid out per route when the run starts',
  failures: 'failures are the timeline, scheduled when the run starts',
  'cache.warming.onStart': 'it acts only before traffic starts',
  changes: 'changes are recorded one at a time',
};

export type ChangeCheck =
  | { ok: true; value: unknown }
  | {
      ok: false;
      /** Names the field, what was received and what is allowed, e.g. `cache.l2.ttlMs: got -5, expected ...`. */
      message: string;
      /** Which part of the change is wrong. */
      part: 'path' | 'value';
      /** The same problem worded for an entry of `scenario.changes` (after `changes[i].<part>: `). */
      entryDetail: string;
    };

const pathProblem = (message: string): ChangeCheck => ({
  ok: false,
  message,
  part: 'path',
  entryDetail: message,
});

/**
 * The fields beside the first unknown part of `parts`, as the scenario's own unknown-field message
 * lists them: `constructor is unknown; known fields here: version, title, ...`.
 */
function knownHere(parts: readonly (string | number)[]): string {
  let n = 0;
  while (n < parts.length && schemaAt(parts.slice(0, n + 1)) !== undefined) n++;
  const here = schemaAt(parts.slice(0, n));
  const shape = here === undefined ? undefined : shapeOf(unwrap(here as z.ZodType).base);
  const where = n === 0 ? '' : ` (in ${formatPath(parts.slice(0, n))})`;
  if (!shape || n >= parts.length) return 'see docs/scenario-format.md for the fields';
  return `${formatPath([parts[n]!])} is unknown${where}; known fields here: ${Object.keys(shape).join(', ')}`;
}

function checkPath(path: unknown): ChangeCheck | null {
  if (typeof path !== 'string' || path === '') {
    return pathProblem(
      `got ${formatValue(path)}, expected the dotted path of a field, such as cache.l2.ttlMs`,
    );
  }
  if (isLivePath(path)) return null;
  const parts = parsePath(path);
  const canonical = formatPath(parts);
  for (let n = parts.length; n > 0; n--) {
    // Own entries only: `constructor` and `__proto__` are not fields, though every object inherits them.
    const prefix = formatPath(parts.slice(0, n));
    const reason = Object.hasOwn(RESTART_ONLY, prefix) ? RESTART_ONLY[prefix] : undefined;
    if (reason) return pathProblem(`${canonical} cannot change mid-run; use Apply & restart (${reason})`);
  }
  const schema = schemaAt(parts);
  if (schema === undefined) {
    const known = [...LIVE_PATHS, ...leafFields().map((f) => f.path)];
    const guess = closestName(path, known);
    const hint = guess ? `did you mean ${guess}?` : knownHere(parts);
    return pathProblem(`${path} is not a scenario field; ${hint}`);
  }
  if (shapeOf(unwrap(schema).base)) {
    const inside = LIVE_PATHS.filter((p) => p.startsWith(`${canonical}.`));
    return pathProblem(`${canonical} is a group of fields; change one of them: ${inside.join(', ')}`);
  }
  return pathProblem(`${canonical} cannot change mid-run; use Apply & restart`);
}

/** `value` placed at `parts` inside empty objects, so scenario messages can find it by path. */
function wrapAt(parts: readonly (string | number)[], value: unknown): unknown {
  return parts.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}

/**
 * Checks one live change: the path must name a field that may change mid-run, and the value must be
 * one that field accepts. The value comes back parsed by the field's own schema, so defaults are filled
 * in as the scenario fills them (`workload.hotKey: {}` becomes `{ share: 0.5 }`). Never throws.
 *
 * @example
 * validateChange('cache.l2.ttlMs', 5000) // { ok: true, value: 5000 }
 * validateChange('topology.instances', 8).message
 * // 'topology.instances cannot change mid-run; use Apply & restart (the topology is built when the run starts)'
 */
export function validateChange(path: unknown, value: unknown): ChangeCheck {
  const bad = checkPath(path);
  if (bad) return bad;
  const parts = parsePath(path as string);
  const field = formatPath(parts);
  if (value === undefined) {
    // A missing value would silently take the field's default.
    const detail = 'missing, expected a value';
    return {
      ok: false,
      part: 'value',
      message: `${field}: ${detail}`,
      entryDetail: `${detail} for ${field}`,
    };
  }
  const result = (schemaAt(parts) as z.ZodType).safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0]!;
  const [error] = issueToErrors({ ...issue, path: [...parts, ...issue.path] }, wrapAt(parts, value));
  const message = error?.message ?? `${field}: got ${formatValue(value)}, not allowed`;
  const where = error?.path ?? field;
  const detail = message.startsWith(`${where}: `) ? message.slice(where.length + 2) : message;
  return { ok: false, part: 'value', message, entryDetail: `for ${where}, ${detail}` };
}

/** Sets `value` at `parts`, creating a nulled parent (such as `workload.hotKey`) with its defaults. */
function setAt(root: Record<string, unknown>, parts: readonly (string | number)[], value: unknown): void {
  let node = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i]!;
    if (node[key] === null || typeof node[key] !== 'object') {
      node[key] = unwrap(schemaAt(parts.slice(0, i + 1)) as z.ZodType).base.parse({});
    }
    node = node[key] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

/**
 * The scenario as it stands after `changes`, applied in order: each change's value written to its field.
 * Its `changes` field is left as it was. Throws when a change is not valid (check with `validateChange`).
 *
 * @example
 * applyChangesTo(scenario, [{ atMs: 5000, path: 'cache.l2.ttlMs', value: 1 }]).cache.l2.ttlMs // 1
 */
export function applyChangesTo(
  scenario: Scenario,
  changes: readonly Pick<Change, 'path' | 'value'>[],
): Scenario {
  const out = structuredClone(scenario);
  for (const change of changes) {
    const check = validateChange(change.path, change.value);
    if (!check.ok) throw new Error(check.message);
    setAt(out as unknown as Record<string, unknown>, parsePath(change.path), check.value);
  }
  return out;
}

/**
 * The checks `scenario.changes` runs on its entries (called from the schema): sorted by `atMs`, and
 * each path and value as `validateChange` says, the message naming the entry.
 */
export function checkChangeEntries(list: readonly unknown[], ctx: z.RefinementCtx): void {
  let previous = -Infinity;
  list.forEach((entry, i) => {
    const change = entry as Partial<Change> | null;
    const at = change?.atMs;
    if (typeof at === 'number') {
      if (at < previous) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'atMs'],
          message: `got ${at}, expected changes sorted by atMs (>= ${previous}, the previous change's atMs)`,
        });
      }
      previous = Math.max(previous, at);
    }
    // A path that is not a string is already reported by the entry's own schema.
    if (typeof change?.path !== 'string') return;
    const check = validateChange(change.path, change.value);
    if (!check.ok) ctx.addIssue({ code: 'custom', path: [i, check.part], message: check.entryDetail });
  });
}
