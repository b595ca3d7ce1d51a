import type { StateCreator } from 'zustand';
import type { AppState, PlaybackSlice } from './types.ts';

export type { PlaybackSlice } from './types.ts';

export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set) => ({
  playing: false,
  speed: 1,
  achievedSpeed: 0,
  behind: false,
  nowMs: 0,
  events: 0,
  sampleEvery: 1,
  drawSetting: 'auto',
  notable: null,
  seekTargetMs: null,
  helpOpen: false,
  engineHealth: 'ok',
  setPlayback: (p) => set(p),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setDrawSetting: (drawSetting) => set({ drawSetting }),
});
