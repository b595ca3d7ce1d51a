import type { StateCreator } from 'zustand';
import type { AppState } from './appStore.ts';

/** A recording of the stage under way: when it started (`performance.now()`) and when it must stop. */
export interface RecordingState {
  startedAt: number;
  limitMs: number;
}

export interface ExportSlice {
  /** The stage recording under way, or null: the Record toggle and the stage's indicator show it. */
  recording: RecordingState | null;
  setRecording: (recording: RecordingState | null) => void;
}

export const createExportSlice: StateCreator<AppState, [], [], ExportSlice> = (set) => ({
  recording: null,
  setRecording: (recording) => set({ recording }),
});
