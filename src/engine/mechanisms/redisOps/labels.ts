/**
 * The labels of the redisOps mechanism's run figures (its figures.ts), by figure id: its part of the
 * label map every screen and the CLI use (src/labels/figures.ts).
 */
export const redisOpsLabels = {
  evictions: 'keys evicted',
  rejectedWrites: 'SETs refused (memory full)',
} as const;
