import type { StateCreator } from 'zustand';
import type { AppState } from './appStore.ts';

/** What the inspector shows: a node, a request or a key. */
export type Selection =
  { kind: 'node'; id: string } | { kind: 'request'; requestId: number } | { kind: 'key'; key: number } | null;

export interface SelectionSlice {
  selection: Selection;
  select: (selection: Selection) => void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selection: null,
  select: (selection) => set({ selection }),
});
