import type { StateCreator } from 'zustand';
import type { AppState, CompareSlice } from './types.ts';

export type { CompareSlice } from './types.ts';

export const createCompareSlice: StateCreator<AppState, [], [], CompareSlice> = (set) => ({
  compare: null,
  compareDialogOpen: false,
  setCompareDialogOpen: (compareDialogOpen) => set({ compareDialogOpen }),
});
