import type { SeriesField } from '../../../series/field.ts';

/**
 * Redis operations' fields of the series point: memory per shard at the sample instant (bytes), and the
 * keys evicted and expired (lazily and by the active cycle), all shards, during the interval.
 */
export const REDIS_OPS_SERIES = [
  { name: 'shardMemoryBytes', merge: 'lastEach' },
  { name: 'evictions', merge: 'sum' },
  { name: 'expired', merge: 'sum' },
] as const satisfies readonly SeriesField[];
