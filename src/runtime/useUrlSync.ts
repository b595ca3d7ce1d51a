import { useEffect } from 'react';
import type { AppStore } from '../store/appStore.ts';
import { loadedSchemaKit, loadSchemaKit } from '../scenario/loadSchemaKit.ts';
import { withCompare } from './compareUrl.ts';
import { lessonSearch } from '../lessons/links.ts';
import { deepEqual } from '../scenario/json.ts';

const DEBOUNCE_MS = 400;

const same = (a: unknown, b: unknown) => a === b || deepEqual(a, b);

/** The address for the current state: `?preset=<id>` for an untouched preset, `#s=` otherwise. */
export function addressFor(
  pathname: string,
  search: string,
  presetId: string | null,
  draftEdited: boolean,
  encoded: () => string,
): string {
  const params = new URLSearchParams(search);
  if (presetId !== null && !draftEdited) {
    params.set('preset', presetId);
    return `${pathname}?${params.toString()}`;
  }
  params.delete('preset');
  const q = params.toString();
  return `${pathname}${q ? `?${q}` : ''}${encoded()}`;
}

/**
 * Keeps the address bar in step with the user's edits and live changes, and with the run compared
 * against (debounced, replaceState so Back is not flooded), so copying the URL shares the exact state.
 * Nothing is written until something changes. A lesson step is shared as `?lesson=<id>&step=<n>` while
 * its scenario is the one running, and the presenter view adds `present=1`.
 */
export function useUrlSync(store: AppStore): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsub = store.subscribe((s, prev) => {
      if (
        // A run's start echoes the scenario back: the same content is no change, so a link the page
        // could not read yet (its checks not fetched) stays in the address for a reload.
        same(s.draft, prev.draft) &&
        same(s.applied, prev.applied) &&
        s.presetId === prev.presetId &&
        s.lesson === prev.lesson &&
        s.presenting === prev.presenting &&
        s.compare === prev.compare
      )
        return;
      clearTimeout(timer);
      const write = () => {
        const { draft, applied, presetId, lesson, presenting, compare } = store.getState();
        // A preset with live changes is no longer the preset: the link carries the whole scenario.
        const edited = draft !== applied || presetId === null || applied.changes.length > 0;
        // The engine echoes the run's change list into `applied`: compare by content, not identity.
        const onLesson = lesson !== null && draft === applied && deepEqual(applied, lesson.scenario);
        // A scenario is written with the schema's kit: fetched first, then the address written as the
        // state stands then (the address stays as it was if it cannot be fetched).
        const kit = loadedSchemaKit();
        const encodes = (edited && !onLesson) || (compare !== null && compare.side.presetId === null);
        if (encodes && !kit) {
          loadSchemaKit().then(write, () => {});
          return;
        }
        const a = onLesson
          ? `${location.pathname}${lessonSearch(location.search, lesson, presenting)}`
          : addressFor(
              location.pathname,
              lessonSearch(location.search, null, presenting),
              presetId,
              edited,
              () => kit!.encodeScenario(draft),
            );
        // Run B of a comparison rides along: `?compare=<preset>`, or `b=` beside A's `s=`.
        const [pathAndSearch = '', hash] = a.split('#');
        const url = withCompare(pathAndSearch, hash ? `#${hash}` : '', compare?.side ?? null, kit);
        if (url !== `${location.pathname}${location.search}${location.hash}`)
          history.replaceState(null, '', url);
      };
      timer = setTimeout(write, DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsub();
    };
  }, [store]);
}
