/**
 * The labels of the writeBehind mechanism's run figures (its figures.ts), by figure id: its part of the
 * label map every screen and the CLI use (src/labels/figures.ts).
 */
export const writeBehindLabels = {
  writesAcknowledged: 'writes acknowledged',
  writesFlushed: 'writes flushed',
  writesLost: 'writes lost',
  batches: 'batches / pending at end',
  maxQueueDepth: 'max queue depth',
  dbLag: 'database lag max / mean',
  dbRegressions: 'rows gone back in time',
} as const;
