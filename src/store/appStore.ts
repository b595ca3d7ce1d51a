import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Scenario } from '../scenario/schema.ts';
import { createExportSlice, type ExportSlice } from './exportSlice.ts';
import { createLessonSlice, type LessonSlice } from './lessonSlice.ts';
import { createMetricsSlice, type MetricsSlice } from './metricsSlice.ts';
import { createPlaybackSlice, type PlaybackSlice } from './playbackSlice.ts';
import { createScenarioSlice, type ScenarioSlice } from './scenarioSlice.ts';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice.ts';
import { createSweepSlice, type SweepSlice } from './sweepSlice.ts';
import { createCompareSlice, type CompareSlice } from './compareSlice.ts';

/** UI state only: the engine's per-request data never passes through here. */
export type AppState = ScenarioSlice &
  PlaybackSlice &
  MetricsSlice &
  SelectionSlice &
  ExportSlice &
  SweepSlice &
  CompareSlice &
  LessonSlice;
export type AppStore = StoreApi<AppState>;

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
