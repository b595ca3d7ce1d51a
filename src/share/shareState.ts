import type { AppState } from '../store/appStore.ts';
import type { LinkView } from './linkParams.ts';
import type { ShareState } from './shareLinks.ts';

/**
 * What a link made now should restore: the running scenario with its live changes (a preset only while
 * it is untouched), the time, speed, open tab and selection.
 */
export function shareStateOf(s: AppState): ShareState {
  const untouched = s.presetId !== null && s.applied.changes.length === 0;
  const view: LinkView = { tMs: Math.round(s.nowMs), speed: s.speed };
  if (s.panel !== 'about') view.tab = s.panel;
  if (s.selection?.kind === 'node') view.node = s.selection.id;
  else if (s.selection?.kind === 'key') view.key = s.selection.key;
  return { scenario: s.applied, presetId: untouched ? s.presetId : null, view };
}

/** The app's own address without query or hash: where links made here point, on any host and path. */
export const appBase = (): string => `${location.origin}${location.pathname}`;
