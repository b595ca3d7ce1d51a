/**
 * The series log this mechanism keeps (`Mechanism.logs`): the Summary's `writeBehind.series`, sent to the page
 * in parts like the points (src/worker/seriesDelta.ts). Plain data, read by src/series/fields.ts.
 */
export const WRITE_BEHIND_LOGS = ['writeBehind'] as const;
