import { useEffect } from 'react';
import type { AppStore } from '../store/appStore.ts';
import { encodeScenario } from '../scenario/url.ts';

const DEBOUNCE_MS = 400;

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
 * Keeps the address bar in step with the user's edits and live changes (debounced, replaceState so
 * Back is not flooded), so copying the URL shares the exact scenario. Nothing is written until
 * something changes.
 */
export function useUrlSync(store: AppStore): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsub = store.subscribe((s, prev) => {
      if (s.draft === prev.draft && s.applied === prev.applied && s.presetId === prev.presetId) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const { draft, applied, presetId } = store.getState();
        // A preset with live changes is no longer the preset: the link carries the whole scenario.
        const edited = draft !== applied || presetId === null || applied.changes.length > 0;
        const url = addressFor(location.pathname, location.search, presetId, edited, () =>
          encodeScenario(draft),
        );
        if (url !== `${location.pathname}${location.search}${location.hash}`)
          history.replaceState(null, '', url);
      }, DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsub();
    };
  }, [store]);
}
