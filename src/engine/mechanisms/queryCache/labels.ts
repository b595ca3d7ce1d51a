/**
 * The labels of the queryCache mechanism's run figures (its figures.ts), by figure id: its part of the
 * label map every screen and the CLI use (src/labels/figures.ts).
 */
export const queryCacheLabels = {
  queryCacheHitRatio: 'query cache hit ratio',
  queryCacheHits: 'query cache hits / misses',
  queryCacheFlushes: 'table flushes / entries dropped',
} as const;
