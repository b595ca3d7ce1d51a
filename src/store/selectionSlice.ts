import type { StateCreator } from 'zustand';
import type { AppState, SelectionSlice } from './types.ts';

export type { Selection, PanelId, SelectionSlice } from './types.ts';

export { PANEL_IDS } from './panels.ts';

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selection: null,
  panel: 'about',
  select: (selection) => set(selection ? { selection, panel: 'inspect' } : { selection }),
  setPanel: (panel) => set({ panel }),
});
