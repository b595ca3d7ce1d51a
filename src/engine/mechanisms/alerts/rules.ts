/**
 * The monitoring rules, by id, in the order the article's table lists them (the app labels them in
 * src/labels/options.ts).
 */
export const ALERT_RULES = [
  'hit-rate',
  'miss-spike',
  'evictions',
  'memory',
  'p99',
  'key-growth',
  'expiring-at-once',
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

/** Intervals the miss-spike and key-growth rules look back over. */
export const ALERT_WINDOW = 10;
