import type { SeriesField } from '../../../series/field.ts';

/**
 * The alerts' fields of the series point: the p99 of Redis command time at the shards (queue wait +
 * service) over the interval, and the monitoring rules firing at the sample (see `Summary.alerts`).
 */
export const ALERTS_SERIES = [
  { name: 'redisP99', merge: 'max' },
  { name: 'alerts', merge: 'union' },
] as const satisfies readonly SeriesField[];
