import type { Change, Scenario } from '../../engine/types.ts';
import { changeGroups } from '../../runtime/changeGroups.ts';
import { formatValue } from '../format.ts';
import { getPath, setPath } from './draftPath.ts';
import { FIELDS, type FieldDef } from './fields.ts';
import { optionLabel } from '../../labels/options.ts';

/**
 * How the app shows live changes: the field a change's path names, its value as the panel words it,
 * the settings in force after some changes, and the changes grouped by gesture (a slider dragged while
 * playing makes one change per frame; people think of it as one change).
 */

/** The panel's field for a change path (`workload.hotKey` is the hot key share's nullable parent). */
export function fieldOf(path: string): FieldDef | undefined {
  return FIELDS.find((f) => f.path === path) ?? FIELDS.find((f) => f.nullable?.parentPath === path);
}

export function fieldLabel(path: string): string {
  return fieldOf(path)?.label ?? path;
}

/** A field's value as the panel shows it ("5 s", "Cache-aside (delete on write)", "No hot key"). */
export function formatFieldValue(path: string, value: unknown): string {
  const def = fieldOf(path);
  if (value === null) return def?.nullable?.label ?? 'none';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'string') return optionLabel(def?.path ?? path, value);
  if (def && typeof value === 'object') {
    // A nullable parent switched back on: show the field it holds.
    return formatFieldValue(def.path, getPath(value, def.path.slice(path.length + 1)));
  }
  if (typeof value === 'number') return formatValue(def?.unit ?? 'none', value);
  return String(value);
}

export { withChanges } from './draftPath.ts';

/** Consecutive changes of one field (see runtime/changeGroups.ts), as the list and the charts show them. */
export interface ChangeGroup {
  /** Index of the group's first change in the run's list. */
  index: number;
  path: string;
  label: string;
  fromMs: number;
  toMs: number;
  count: number;
  /** The value before the first change of the group, and after the last, as the panel words them. */
  before: string;
  after: string;
}

export function groupChanges(base: Scenario, changes: readonly Change[]): ChangeGroup[] {
  let current: Scenario = base;
  let index = 0;
  return changeGroups(changes).map((group) => {
    const first = group[0]!;
    const start = index;
    index += group.length;
    const last = group[group.length - 1]!;
    const before = formatFieldValue(first.path, getPath(current, first.path) ?? null);
    current = setPath(current, last.path, last.value);
    return {
      index: start,
      path: first.path,
      label: fieldLabel(first.path),
      fromMs: first.atMs,
      toMs: last.atMs,
      count: group.length,
      before,
      after: formatFieldValue(last.path, last.value),
    };
  });
}
