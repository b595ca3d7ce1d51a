import type { StateCreator } from 'zustand';
import type { AppState } from './appStore.ts';

/** What the inspector shows: a node, a request or a key. */
export type Selection =
  { kind: 'node'; id: string } | { kind: 'request'; requestId: number } | { kind: 'key'; key: number } | null;

/** The sidebar's tabs, in order (links name them with `tab=`). */
export const PANEL_IDS = ['about', 'config', 'charts', 'inspect', 'sweep'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

export interface SelectionSlice {
  selection: Selection;
  /** The sidebar tab; selecting something opens the inspector. */
  panel: PanelId;
  select: (selection: Selection) => void;
  setPanel: (panel: PanelId) => void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selection: null,
  panel: 'about',
  select: (selection) => set(selection ? { selection, panel: 'inspect' } : { selection }),
  setPanel: (panel) => set({ panel }),
});
