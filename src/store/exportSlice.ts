import type { StateCreator } from 'zustand';
import type { AppState, ExportSlice } from './types.ts';

export type { RecordingState, ExportSlice } from './types.ts';

export const createExportSlice: StateCreator<AppState, [], [], ExportSlice> = (set) => ({
  recording: null,
  setRecording: (recording) => set({ recording }),
});
