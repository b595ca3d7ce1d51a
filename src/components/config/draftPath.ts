/**
 * Dotted paths into a scenario draft ("cache.l2.ttlMs", "workload.phases.0.rps"). The config panel
 * reports every change as (path, value); the shell can apply it with `setPath` so both sides agree on
 * what a path means.
 */

import type { Change } from '../../engine/types.ts';

type Container = Record<string, unknown> | unknown[];

function isContainer(v: unknown): v is Container {
  return typeof v === 'object' && v !== null;
}

/** The value at `path`, or undefined when any step is missing or null. */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const seg of path.split('.')) {
    if (!isContainer(cur)) return undefined;
    cur = Array.isArray(cur) ? cur[Number(seg)] : cur[seg];
  }
  return cur;
}

/**
 * A copy of `obj` with `value` at `path`; only the objects along the path are copied, so React and
 * zustand see the change while untouched sections keep their identity. Missing (or null) parents are
 * created as objects, or arrays when the next segment is an index.
 */
export function setPath<T>(obj: T, path: string, value: unknown): T {
  const segs = path.split('.');
  const write = (cur: unknown, i: number): unknown => {
    const seg = segs[i];
    if (seg === undefined) return value;
    const nextIsIndex = /^\d+$/.test(segs[i + 1] ?? '');
    if (Array.isArray(cur)) {
      const copy = cur.slice();
      copy[Number(seg)] = write(cur[Number(seg)], i + 1);
      return copy;
    }
    const base: Record<string, unknown> = isContainer(cur) ? { ...(cur as Record<string, unknown>) } : {};
    const child = base[seg];
    base[seg] = write(isContainer(child) ? child : nextIsIndex ? [] : child, i + 1);
    return base;
  };
  return write(obj, 0) as T;
}

/**
 * The scenario with `changes` written into it, for showing the settings in force. The changes come
 * from the engine, already checked, so this only writes each path's last value (in the order of those
 * last writes, which gives the same result for a field and its parent object) instead of validating
 * thousands of entries on every render.
 */
export function withChanges<T>(scenario: T, changes: readonly Pick<Change, 'path' | 'value'>[]): T {
  const last = new Map<string, unknown>();
  for (const c of changes) {
    last.delete(c.path);
    last.set(c.path, c.value);
  }
  let out = scenario;
  for (const [path, value] of last) out = setPath(out, path, value);
  return out;
}
