import type { StateCreator } from 'zustand';
import type { CompareRun } from '../runtime/compareRun.ts';
import type { AppState } from './appStore.ts';

/** The A/B comparison on screen, if any: run B's side, store and session (the controller opens it). */
export interface CompareSlice {
  compare: CompareRun | null;
  /** The "Compare" dialog is open. */
  compareDialogOpen: boolean;
  setCompareDialogOpen: (open: boolean) => void;
}

export const createCompareSlice: StateCreator<AppState, [], [], CompareSlice> = (set) => ({
  compare: null,
  compareDialogOpen: false,
  setCompareDialogOpen: (compareDialogOpen) => set({ compareDialogOpen }),
});
