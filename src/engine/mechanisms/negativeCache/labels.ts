/**
 * The labels of the negativeCache mechanism's run figures (its figures.ts), by figure id: its part of the
 * label map every screen and the CLI use (src/labels/figures.ts).
 */
export const negativeCacheLabels = {
  absentLookups: 'reads of absent keys',
  absentDbReads: 'absent keys read from the database',
  bloomRejects: 'reads ruled out by the Bloom filter',
  bloomFpRate: 'Bloom false positives, measured / expected',
} as const;
