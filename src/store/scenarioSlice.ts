import type { StateCreator } from 'zustand';
import type { Scenario } from '../scenario/schema.ts';
import type { AppState, ScenarioSlice } from './types.ts';

export type { ScenarioSlice } from './types.ts';

export const createScenarioSlice =
  (initial: Scenario): StateCreator<AppState, [], [], ScenarioSlice> =>
  (set) => ({
    applied: initial,
    draft: initial,
    presetId: null,
    notice: null,
    liveOverlay: {},
    heldTrace: null,
    costPrompt: null,
    setDraft: (draft) => set({ draft }),
    setApplied: (scenario, presetId) => set({ applied: scenario, draft: scenario, presetId }),
    setNotice: (notice) => set({ notice }),
  });
