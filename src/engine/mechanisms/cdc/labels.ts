/**
 * The labels of the cdc mechanism's run figures (its figures.ts), by figure id: its part of the
 * label map every screen and the CLI use (src/labels/figures.ts).
 */
export const cdcLabels = {
  cdcEvents: 'events published / processed',
  cdcBacklog: 'broker backlog max / at end',
  cdcLag: 'consumer lag mean / max',
} as const;
