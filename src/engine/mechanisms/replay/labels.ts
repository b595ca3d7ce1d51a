/**
 * The labels of the replay mechanism's run figures (its figures.ts), by figure id: its part of the label
 * map every screen and the CLI use (src/labels/figures.ts).
 */
export const replayLabels = {
  replayTrace: 'trace replayed',
  replayTimeScale: 'time scale',
  replayRequests: 'requests made / in the trace',
  replayDeletes: 'deletes replayed',
} as const;
