import type { AppState } from './appStore.ts';

/** Module-level selectors returning primitives, so components re-render only when those change. */
export const selectPlaying = (s: AppState): boolean => s.playing;
export const selectSpeed = (s: AppState): number => s.speed;
export const selectNowMs = (s: AppState): number => s.nowMs;
export const selectEvents = (s: AppState): number => s.events;
export const selectDurationMs = (s: AppState): number => s.applied.durationMs;
export const selectSeed = (s: AppState): number => s.applied.seed;
export const selectTitle = (s: AppState): string => s.applied.title;
export const selectPresetId = (s: AppState): string | null => s.presetId;
export const selectNotice = (s: AppState): string | null => s.notice;
export const selectSampleEvery = (s: AppState): number => s.sampleEvery;
export const selectBehind = (s: AppState): boolean => s.behind;
export const selectAchievedSpeed = (s: AppState): number => s.achievedSpeed;
export const selectNotable = (s: AppState): string | null => s.notable;
export const selectHelpOpen = (s: AppState): boolean => s.helpOpen;
export const selectCostPrompt = (s: AppState): AppState['costPrompt'] => s.costPrompt;
export const selectNodes = (s: AppState) => s.nodes;
export const selectSummary = (s: AppState) => s.summary;
export const selectApplied = (s: AppState) => s.applied;
export const selectDraft = (s: AppState) => s.draft;
export const selectSelection = (s: AppState) => s.selection;
export const selectTopology = (s: AppState) => s.applied.topology;
export const selectDraftDirty = (s: AppState): boolean => s.draft !== s.applied;
export const selectRecent = (s: AppState) => s.recent;
export const selectSeekTarget = (s: AppState): number | null => s.seekTargetMs;
/** How many of the run's changes are in force at the playhead (a change at t applies at t). */
export const selectChangesInForce = (s: AppState): number => {
  const changes = s.applied.changes;
  let n = 0;
  while (n < changes.length && changes[n]!.atMs <= s.nowMs) n++;
  return n;
};
