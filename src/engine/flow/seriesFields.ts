import type { PointOf, SeriesField } from '../../series/field.ts';

/**
 * The flow's own fields of a time-series point, each covering [tMs - intervalMs, tMs). Plain data (the
 * page's src/series/fields.ts reads it without the engine); each mechanism declares its own fields the
 * same way (`Mechanism.series`, in its folder's `series.ts`).
 */
export const CORE_SERIES = [
  /** The sample's time: the end of the interval. */
  { name: 'tMs', merge: 'last' },
  { name: 'requests', merge: 'sum' },
  { name: 'l1Hits', merge: 'sum' },
  { name: 'l1Misses', merge: 'sum' },
  { name: 'l2Hits', merge: 'sum' },
  { name: 'l2Misses', merge: 'sum' },
  { name: 'dbReads', merge: 'sum' },
  { name: 'dbWrites', merge: 'sum' },
  { name: 'staleReads', merge: 'sum' },
  /** Requests that ended in an error for the client (timeouts included). */
  { name: 'errors', merge: 'sum' },
  /** Latency percentiles of the requests that ended in the interval. */
  { name: 'p50', merge: 'max' },
  { name: 'p99', merge: 'max' },
  /** Database connections busy and queries waiting at the sample instant. */
  { name: 'dbInUse', merge: 'max' },
  { name: 'dbQueue', merge: 'max' },
  /** Operations per shard during the interval. */
  { name: 'shardOps', merge: 'sumEach' },
  /** Keys per shard at the sample instant. */
  { name: 'shardKeys', merge: 'lastEach' },
] as const satisfies readonly SeriesField[];

/** The flow's part of a series point. */
export type CoreSeriesPoint = PointOf<typeof CORE_SERIES>;
