import { optionLabel } from '../../labels/options.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { withFieldValue, type ParseResult } from '../../scenario/validate.ts';
import { FIELDS, labelFor, type FieldDef } from '../config/fields.ts';
import { formatValue } from '../format.ts';

/**
 * "Compare with a change": run B is run A with one field set otherwise. Any field of the config panel
 * may change (a restart-only one too: B starts from zero anyway), except the words and the seed, which
 * A and B share by definition.
 */

const NOT_CHANGED = new Set(['title', 'description', 'seed']);

/** The fields B may differ in, in the config panel's order. */
export const CHANGE_FIELDS: readonly FieldDef[] = FIELDS.filter((f) => !NOT_CHANGED.has(f.path));

/** The longest title a scenario may have (the schema's limit). */
const TITLE_MAX = 200;

/** "L2 TTL = 5 s", "Stampede protection = Distributed lock (SET NX EX)", "L1 enabled = off". */
export function describeChange(def: FieldDef, value: unknown): string {
  let text: string;
  if (typeof value === 'boolean') text = value ? 'on' : 'off';
  else if (typeof value === 'number') text = formatValue(def.unit ?? 'none', value);
  else if (value === null) text = def.nullable?.label ?? 'none';
  else text = optionLabel(def.path, String(value));
  return `${labelFor(def.path)} = ${text}`;
}

/**
 * Run A's scenario with one field changed, titled so that B says what differs; validated, so a value
 * out of range comes back as the schema's message naming the field.
 *
 * @example withChange(stampede, fieldFor('cache.stampede.mode')!, 'lock')
 * // { ok: true, scenario: { ..., title: 'Cache stampede: a hot key expires, with Stampede protection = ...' } }
 */
export function withChange(a: Scenario, def: FieldDef, value: unknown): ParseResult {
  // "No hot key" is the whole `workload.hotKey` set to null, not its share.
  const path = value === null && def.nullable?.parentPath ? def.nullable.parentPath : def.path;
  const changed = withFieldValue(a, path, value);
  if (!changed.ok) return changed;
  const title = `${a.title}, with ${describeChange(def, value)}`;
  return {
    ok: true,
    scenario: {
      ...changed.scenario,
      title: title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title,
    },
  };
}
