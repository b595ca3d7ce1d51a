import type { StateCreator } from 'zustand';
import type { HeadlineId } from '../report/headline.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { SweepResult } from '../sweep/results.ts';
import type { AppState } from './appStore.ts';

/** The Sweep tab's form, kept here so it survives switching tabs. */
export interface SweepForm {
  /** The config panel's path of the swept field. */
  path: string;
  from: number;
  to: number;
  steps: number;
  log: boolean;
  seeds: number;
  /** Simulated length of every run. */
  durationMs: number;
  metrics: HeadlineId[];
}

/** A sweep started from the tab: what it ran on, how far it got, and the runs finished so far. */
export interface SweepRun {
  status: 'running' | 'done' | 'cancelled' | 'failed';
  /** Why it failed, in words. */
  message: string | null;
  done: number;
  total: number;
  /** The scenario swept (the points are it with the field, seed and duration set). */
  base: Scenario;
  path: string;
  /** The field's name on screen ("L2 TTL"). */
  label: string;
  log: boolean;
  durationMs: number;
  values: number[];
  seeds: number[];
  metrics: HeadlineId[];
  /** In the order the runs finished. */
  results: SweepResult[];
}

export interface SweepSlice {
  /** Null until the tab first opens: then it is filled with the defaults for the current scenario. */
  sweepForm: SweepForm | null;
  sweep: SweepRun | null;
  setSweepForm: (form: SweepForm | null) => void;
  setSweep: (sweep: SweepRun | null) => void;
}

export const createSweepSlice: StateCreator<AppState, [], [], SweepSlice> = (set) => ({
  sweepForm: null,
  sweep: null,
  setSweepForm: (sweepForm) => set({ sweepForm }),
  setSweep: (sweep) => set({ sweep }),
});
