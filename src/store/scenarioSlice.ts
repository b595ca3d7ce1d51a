import type { StateCreator } from 'zustand';
import type { CostEstimate } from '../engine/cost.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { AppState } from './appStore.ts';

export interface ScenarioSlice {
  /** The scenario the engine is running. */
  applied: Scenario;
  /** What the config panel edits; only reaches the engine on "Apply & restart". */
  draft: Scenario;
  /** The preset the applied scenario came from, if it is unchanged. */
  presetId: string | null;
  /** A dismissible message, e.g. a link that could not be read. */
  notice: string | null;
  /** Live edits the panel shows while the engine has not confirmed them yet, by path. */
  liveOverlay: Record<string, unknown>;
  /**
   * A scenario the engine did not load because it is estimated above the cost budget: the page asks
   * before running it. `replacesRun` is false when nothing runs yet (the first scenario was refused).
   * With `change`, it is a live change that would take the running scenario past the budget: it is
   * made only if the user says so.
   */
  costPrompt: {
    scenario: Scenario;
    estimate: CostEstimate;
    replacesRun: boolean;
    change?: { path: string; value: unknown };
  } | null;
  setDraft: (draft: Scenario) => void;
  /** Makes `scenario` the running one and resets the draft to it. */
  setApplied: (scenario: Scenario, presetId: string | null) => void;
  setNotice: (notice: string | null) => void;
}

export const createScenarioSlice =
  (initial: Scenario): StateCreator<AppState, [], [], ScenarioSlice> =>
  (set) => ({
    applied: initial,
    draft: initial,
    presetId: null,
    notice: null,
    liveOverlay: {},
    costPrompt: null,
    setDraft: (draft) => set({ draft }),
    setApplied: (scenario, presetId) => set({ applied: scenario, draft: scenario, presetId }),
    setNotice: (notice) => set({ notice }),
  });
