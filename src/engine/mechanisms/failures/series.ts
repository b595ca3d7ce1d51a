import type { SeriesField } from '../../../series/field.ts';

/**
 * The failures' fields of the series point: commands refused by a shard during the interval (a shard
 * down, or a full shard queue: the flow's count, `Summary.redisErrors`), and the app instances serving
 * at the sample instant.
 */
export const FAILURES_SERIES = [
  { name: 'redisErrors', merge: 'sum' },
  { name: 'instancesUp', merge: 'min' },
] as const satisfies readonly SeriesField[];
