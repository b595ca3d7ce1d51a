import { mean } from 'd3-array';
import { format } from 'd3-format';
import { useMemo } from 'react';
import type { SeriesPoint } from '../../engine/types.ts';
import { FIGURES } from '../../labels/figures.ts';
import { shardName } from '../../labels/names.ts';
import { OUTCOME_COLORS } from '../../render/palette.ts';
import { BarChart } from './BarChart.tsx';
import { formatBytesTick, formatTick } from './ticks.ts';
import { perSecond } from './timeSeries.ts';
import { pointSpanMs } from '../../series/field.ts';

export interface ShardChartProps {
  points: readonly SeriesPoint[];
  intervalMs: number;
}

/** Bars are numbered from 1, as the stage numbers its shards. */
const shardNumber = (i: number): string => String(i + 1);
/** Below this ratio to the mean a shard is just busy, not hot; flagging it would cry wolf. */
const HOT_FACTOR = 1.5;

/** The busiest shard when it stands out from the mean, with "hot" and its factor over the mean. */
export function hotShard(values: readonly number[]): { index: number; note: string } | null {
  const avg = mean(values) ?? 0;
  if (values.length < 2 || avg <= 0) return null;
  let index = 0;
  values.forEach((v, i) => {
    if (v > (values[index] ?? 0)) index = i;
  });
  const factor = (values[index] ?? 0) / avg;
  return factor >= HOT_FACTOR ? { index, note: `hot ×${format('.1f')(factor)}` } : null;
}

/** Operations per second on each shard during the latest interval; a hot shard stands out. */
export function ShardOpsChart({ points, intervalMs }: ShardChartProps) {
  const latest = points[points.length - 1];
  const values = useMemo(
    () => (latest ? latest.shardOps.map((ops) => perSecond(ops, pointSpanMs(latest, intervalMs))) : []),
    [latest, intervalMs],
  );
  return (
    <BarChart
      title={`${FIGURES.shardOpsChart} (latest interval)`}
      values={values}
      barLabel={shardNumber}
      barName={shardName}
      xLabel="Redis shard"
      yLabel="Ops/s"
      yFormat={formatTick}
      color={OUTCOME_COLORS['l2-hit']}
      highlight={hotShard(values)}
    />
  );
}

/** Keys held by each shard at the latest sample. */
export function ShardKeysChart({ points }: ShardChartProps) {
  const latest = points[points.length - 1];
  const values = latest?.shardKeys ?? [];
  return (
    <BarChart
      title={FIGURES.shardKeysChart}
      values={values}
      barLabel={shardNumber}
      barName={shardName}
      xLabel="Redis shard"
      yLabel="Keys"
      yFormat={formatTick}
      integer
      color={OUTCOME_COLORS['l2-hit']}
    />
  );
}

export interface ShardMemoryChartProps {
  /** Memory held by each shard now, in bytes. */
  bytes: readonly number[];
  /** Each shard's memory limit (`maxmemory`); null when unbounded, and then no alert line. */
  maxBytes: number | null;
  /** The memory alert rule's share of the limit (0.8); none when monitoring is off. */
  alertAt?: number | undefined;
}

/** Memory per shard, with the monitoring alert line at its share of the limit. */
export function ShardMemoryChart({ bytes, maxBytes, alertAt }: ShardMemoryChartProps) {
  const threshold = useMemo(
    () =>
      maxBytes === null || alertAt === undefined
        ? undefined
        : {
            value: maxBytes * alertAt,
            label: `Alert: memory over ${Math.round(alertAt * 100)} % of maxmemory`,
          },
    [maxBytes, alertAt],
  );
  return (
    <BarChart
      title={FIGURES.memoryChart}
      values={bytes}
      barLabel={shardNumber}
      barName={shardName}
      xLabel="Redis shard"
      yLabel="Memory"
      yFormat={formatBytesTick}
      integer
      color={OUTCOME_COLORS['l2-hit']}
      threshold={threshold}
    />
  );
}
