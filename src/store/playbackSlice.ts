import type { StateCreator } from 'zustand';
import type { EngineHealth } from '../runtime/engineWatch.ts';
import type { AppState } from './appStore.ts';

export interface PlaybackSlice {
  playing: boolean;
  /** Wanted speed, as a factor of real time. */
  speed: number;
  /** Speed actually reached over the last second; lower than `speed` when the engine cannot keep up. */
  achievedSpeed: number;
  behind: boolean;
  /** Simulated clock, refreshed at most 10 times a second while playing (immediately on a step). */
  nowMs: number;
  /** Engine events processed so far. */
  events: number;
  /** Draw 1 in this many requests. */
  sampleEvery: number;
  /** What "Next notable event" last jumped to. */
  notable: string | null;
  /** Where a seek is going while the engine re-simulates (the timeline shows it); null otherwise. */
  seekTargetMs: number | null;
  helpOpen: boolean;
  /** Whether the engine's worker answers ('silent': it stopped; 'failing': it errs on every message). */
  engineHealth: EngineHealth;
  setPlayback: (p: Partial<Omit<PlaybackSlice, 'setPlayback' | 'setHelpOpen'>>) => void;
  setHelpOpen: (open: boolean) => void;
}

export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set) => ({
  playing: false,
  speed: 1,
  achievedSpeed: 0,
  behind: false,
  nowMs: 0,
  events: 0,
  sampleEvery: 1,
  notable: null,
  seekTargetMs: null,
  helpOpen: false,
  engineHealth: 'ok',
  setPlayback: (p) => set(p),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
});
