/**
 * The labels of the tracking mechanism's run figures (its figures.ts), by figure id: its part of the
 * label map every screen and the CLI use (src/labels/figures.ts).
 */
export const trackingLabels = {
  trackingPerInstance: 'invalidations per instance per second',
  trackingSent: 'invalidation messages sent',
  trackingTable: 'tracking table peak keys / cap',
  trackingCap: 'invalidations caused by the table cap',
  trackingExpiry: 'invalidations for expired or evicted keys',
  trackingDropped: 'L1 copies dropped',
  trackingRaces: 'tracking races',
  // The Charts tab's charts of the mechanism's log, and their lines.
  trackingInvalidationsChart: 'Invalidations received per instance per second',
  trackingTableChart: 'Tracking table keys',
  trackingTableSeries: 'Keys tracked (all shards)',
} as const;
