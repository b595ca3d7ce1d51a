/**
 * The labels of the leases mechanism's run figures (its figures.ts), by figure id: its part of the
 * label map every screen and the CLI use (src/labels/figures.ts).
 */
export const leasesLabels = {
  leasesGranted: 'leases granted',
  leaseRefusedFills: 'fills refused as stale',
  leaseWaits: 'lease waits',
  leaseFills: 'fills stored with a lease',
  leaseVoided: 'lease tokens voided',
} as const;
