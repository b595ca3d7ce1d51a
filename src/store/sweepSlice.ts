import type { StateCreator } from 'zustand';
import type { AppState, SweepSlice } from './types.ts';

export type { SweepForm, SweepRun, SweepSlice } from './types.ts';

export const createSweepSlice: StateCreator<AppState, [], [], SweepSlice> = (set) => ({
  sweepForm: null,
  sweep: null,
  setSweepForm: (sweepForm) => set({ sweepForm }),
  setSweep: (sweep) => set({ sweep }),
});
