import { useMemo } from 'react';
import type { Scenario } from '../../engine/types.ts';
import type { LivePath } from '../../scenario/changes.ts';
import type { AppState } from '../../store/appStore.ts';
import { selectApplied, selectChangesInForce } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { getPath, withChanges } from '../config/draftPath.ts';

/**
 * The latest live change of `path` (or of an object holding it, such as the hot key) made by the
 * playhead's time, with the value it gives `path`; null when the field still has its start value.
 */
export function changeInForce(s: AppState, path: string): { atMs: number; value: unknown } | null {
  const changes = s.applied.changes;
  let found: { atMs: number; value: unknown } | null = null;
  for (let i = 0; i < changes.length && changes[i]!.atMs <= s.nowMs; i++) {
    const c = changes[i]!;
    if (c.path === path) found = { atMs: c.atMs, value: c.value };
    else if (path.startsWith(`${c.path}.`)) {
      found = { atMs: c.atMs, value: getPath(c.value, path.slice(c.path.length + 1)) ?? null };
    }
  }
  return found;
}

/** A field's value at the playhead: what the stage shows once settings change mid-run. */
export function valueInForce(s: AppState, path: string): unknown {
  const change = changeInForce(s, path);
  return change ? change.value : getPath(s.applied, path);
}

/**
 * Subscribes to a field's value at the playhead (a primitive or an unchanged object: no re-render storm).
 * Only fields that may change mid-run are asked for this way (a misspelt path fails to compile instead
 * of reading as undefined); the others are read from the scenario as applied.
 */
export function useInForce<T>(path: LivePath): T {
  return useAppStore((s) => valueInForce(s, path) as T);
}

/** The whole scenario with the changes made by the playhead's time (recomputed only when that count moves). */
export function useScenarioInForce(): Scenario {
  const applied = useAppStore(selectApplied);
  const inForce = useAppStore(selectChangesInForce);
  return useMemo(() => withChanges(applied, applied.changes.slice(0, inForce)), [applied, inForce]);
}
