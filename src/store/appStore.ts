import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Scenario } from '../scenario/schema.ts';
import type { AppState, AppStore } from './types.ts';
import { createExportSlice } from './exportSlice.ts';
import { createLessonSlice } from './lessonSlice.ts';
import { createMetricsSlice } from './metricsSlice.ts';
import { createPlaybackSlice } from './playbackSlice.ts';
import { createScenarioSlice } from './scenarioSlice.ts';
import { createSelectionSlice } from './selectionSlice.ts';
import { createSweepSlice } from './sweepSlice.ts';
import { createCompareSlice } from './compareSlice.ts';

export type { AppState, AppStore } from './types.ts';

/** A store per app (and per test), so tests never share state. */
export function createAppStore(initial: Scenario): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createScenarioSlice(initial)(...a),
    ...createPlaybackSlice(...a),
    ...createMetricsSlice(...a),
    ...createSelectionSlice(...a),
    ...createExportSlice(...a),
    ...createSweepSlice(...a),
    ...createCompareSlice(...a),
    ...createLessonSlice(...a),
  }));
}

/** Reads a slice of `store` with a module-level selector (stable identity, no re-render storms). */
export function useApp<T>(store: AppStore, selector: (s: AppState) => T): T {
  return useStore(store, selector);
}
