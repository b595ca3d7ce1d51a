/**
 * The labels of the stampede mechanism's run figures (its figures.ts), by figure id: its part of the
 * label map every screen and the CLI use (src/labels/figures.ts).
 */
export const stampedeLabels = {
  locksTaken: 'locks taken',
  lockWaits: 'lock waits',
  lockFallThroughs: 'lock fall-throughs',
  recomputesPerCycle: 'XFetch recomputes per cycle',
  refreshReads: 'refresh reads',
  warmingReads: 'warming reads',
} as const;
