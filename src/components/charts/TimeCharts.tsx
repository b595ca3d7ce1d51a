import type { SeriesPoint } from '../../engine/types.ts';
import type { ChartMarker } from './frame.ts';
import { LineChart } from './LineChart.tsx';
import {
  DB_POOL,
  DB_QPS,
  fmtCount,
  fmtMs,
  fmtPercent,
  fmtRate,
  HIT_RATIO,
  HIT_RATIO_ALERT,
  HIT_RATIO_DOMAIN,
  LATENCY,
  LATENCY_ALERT,
  STALE_RATE,
} from './timeSeries.ts';

export interface TimeChartProps {
  points: readonly SeriesPoint[];
  intervalMs: number;
  markers?: readonly ChartMarker[] | undefined;
}

/** Hit ratio of L1 and L2 per interval, with the 70 % alert line. */
export function HitRatioChart({ points, intervalMs, markers }: TimeChartProps) {
  return (
    <LineChart
      title="Hit ratio per layer"
      points={points}
      intervalMs={intervalMs}
      markers={markers}
      series={HIT_RATIO}
      yLabel="Hit ratio (%)"
      yFormat={fmtPercent}
      yDomain={HIT_RATIO_DOMAIN}
      threshold={HIT_RATIO_ALERT}
    />
  );
}

/** Database reads and writes per second: the load the caches are there to absorb. */
export function DbQpsChart({ points, intervalMs, markers }: TimeChartProps) {
  return (
    <LineChart
      title="Database queries per second"
      points={points}
      intervalMs={intervalMs}
      markers={markers}
      series={DB_QPS}
      yLabel="Queries/s"
      yFormat={fmtRate}
    />
  );
}

/** Busy connections and waiting queries: a herd shows as the pool pinned at its size and a queue. */
export function DbPoolChart({ points, intervalMs, markers }: TimeChartProps) {
  return (
    <LineChart
      title="Database connections in use"
      points={points}
      intervalMs={intervalMs}
      markers={markers}
      series={DB_POOL}
      yLabel="Connections"
      yFormat={fmtCount}
    />
  );
}

/** Request latency p50 and p99, with the 5 ms alert line. */
export function LatencyChart({ points, intervalMs, markers }: TimeChartProps) {
  return (
    <LineChart
      title="Latency p50 / p99"
      points={points}
      intervalMs={intervalMs}
      markers={markers}
      series={LATENCY}
      yLabel="Latency (ms)"
      yFormat={fmtMs}
      threshold={LATENCY_ALERT}
    />
  );
}

/** Reads answered with a value older than the database's. */
export function StaleRateChart({ points, intervalMs, markers }: TimeChartProps) {
  return (
    <LineChart
      title="Stale reads per second"
      points={points}
      intervalMs={intervalMs}
      markers={markers}
      series={STALE_RATE}
      yLabel="Stale reads/s"
      yFormat={fmtRate}
    />
  );
}
