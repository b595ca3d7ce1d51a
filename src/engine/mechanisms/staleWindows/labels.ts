/**
 * The labels of the staleWindows mechanism's run figures (its figures.ts), by figure id: its part of the
 * label map every screen and the CLI use (src/labels/figures.ts).
 */
export const staleWindowsLabels = {
  staleL1WhileRevalidating: 'L1: served past TTL while revalidating',
  staleL1IfError: 'L1: errors answered with a copy past TTL',
  staleL1Refreshes: 'L1: refreshes sent to Redis / failed',
  staleL1PastTtl: 'L1: time past TTL of copies served',
  staleL2WhileRevalidating: 'Redis: served past TTL while revalidating',
  staleL2IfError: 'Redis: errors answered with a copy past TTL',
  staleL2Refreshes: 'Redis: refreshes sent to the database / failed',
  staleL2PastTtl: 'Redis: time past TTL of copies served',
} as const;
