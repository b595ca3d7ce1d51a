import { scenarioSchema } from '../../scenario/schema.ts';
import type { ScenarioInput } from '../../scenario/schema.ts';
import { getPath } from './draftPath.ts';
import type { FieldDef } from './fields.ts';

/**
 * What a control shows for a draft that leaves fields out: the schema's defaults. Two sets, because a
 * nullable object (the hot key) defaults to null yet its fields need a value to show when switched on.
 */
const DEFAULTS: unknown = scenarioSchema.parse({ version: 1 });
const FILLED: unknown = scenarioSchema.parse({ version: 1, workload: { hotKey: {} } });

export interface FieldValue {
  value: unknown;
  /** The field (or its parent object) is null: "No expiry", "Unbounded", "No hot key". */
  isNull: boolean;
}

export function readField(draft: ScenarioInput, def: FieldDef, path: string = def.path): FieldValue {
  const nullPath = def.nullable?.parentPath ?? path;
  let whole = getPath(draft, nullPath);
  if (whole === undefined) whole = getPath(DEFAULTS, nullPath);
  const own = getPath(draft, path);
  const value = own === undefined || own === null ? getPath(FILLED, path) : own;
  return { value, isNull: def.nullable !== undefined && whole === null };
}

/**
 * The (path, value) that sets a field (switching it back on if it was null): `path` is the concrete
 * one, so list rows ("workload.families.2.ttlMs") write to their own row.
 */
export function unNull(def: FieldDef, path: string, value: unknown): [string, unknown] {
  const parent = def.nullable?.parentPath;
  if (!parent) return [path, value];
  const leaf = def.path.slice(parent.length + 1);
  return [parent, { [leaf]: value }];
}

/** The lines of a box typed one item a line, trimmed, blank ones dropped. */
export const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
