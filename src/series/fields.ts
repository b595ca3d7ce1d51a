/**
 * The time series as the page reads it (charts, export, the worker's series deltas), without the
 * engine: the point's fields in order with their merge rules, and the mechanisms' logs. Built from the
 * same plain-data declarations the engine runs with (the flow's `seriesFields.ts`, each mechanism's
 * `series.ts`), listed here in registry order like the labels and cost terms;
 * test/series/fields.test.ts checks the list against the registry's plan and a run's points, and that
 * nothing here pulls the engine's code in.
 */
import { CORE_SERIES } from '../engine/flow/seriesFields.ts';
import { ALERTS_SERIES } from '../engine/mechanisms/alerts/series.ts';
import { CDC_LOGS } from '../engine/mechanisms/cdc/series.ts';
import { FAILURES_SERIES } from '../engine/mechanisms/failures/series.ts';
import { OVERLOAD_SERIES } from '../engine/mechanisms/overload/series.ts';
import { REDIS_OPS_SERIES } from '../engine/mechanisms/redisOps/series.ts';
import { TRACKING_LOGS } from '../engine/mechanisms/tracking/series.ts';
import { WRITE_BEHIND_LOGS } from '../engine/mechanisms/writeBehind/series.ts';
import { mergePointsBy, orderFields, scaleCountsBy, type PointOf, type SeriesField } from './field.ts';
import { POINT_ORDER } from './order.ts';

/** The declarations, the flow's first, then the mechanisms' in registry order. */
const DECLARED = [
  ...CORE_SERIES,
  ...OVERLOAD_SERIES,
  ...FAILURES_SERIES,
  ...REDIS_OPS_SERIES,
  ...ALERTS_SERIES,
] as const;

/** One row of the time series, covering [tMs - intervalMs, tMs): the flow's fields and the mechanisms'. */
export type SeriesPoint = PointOf<typeof DECLARED>;

/** Every field of a point, in the order its JSON has them. */
export const SERIES_FIELDS: readonly SeriesField[] = orderFields(DECLARED, POINT_ORDER);

/**
 * The mechanisms' series logs, in registry order: a log named L is the Summary's `L.series`, absent
 * while the mechanism is off.
 */
export const SERIES_LOGS: readonly string[] = [...WRITE_BEHIND_LOGS, ...CDC_LOGS, ...TRACKING_LOGS];

/**
 * Two consecutive points as one covering both intervals: counts (per shard too) summed, latencies and
 * the pool's figures the worse of the two, alerts the union, instances up the fewer, the instant values
 * (time, keys, memory) the later one's (see field.ts). The engine coarsens a long run by the same rules.
 */
export const mergePoints = mergePointsBy<SeriesPoint>(SERIES_FIELDS);

/** Scales a point's counts by `k` (a partial chart bucket drawn as a full one). */
export const scaleCounts = scaleCountsBy<SeriesPoint>(SERIES_FIELDS);
