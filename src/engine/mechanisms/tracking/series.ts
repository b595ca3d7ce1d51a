/**
 * The series log this mechanism keeps (`Mechanism.logs`): the Summary's `tracking.series`, sent to the page
 * in parts like the points (src/worker/seriesDelta.ts). Plain data, read by src/series/fields.ts.
 */
export const TRACKING_LOGS = ['tracking'] as const;
