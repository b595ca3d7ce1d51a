import type { SeriesPoint } from '../../engine/types.ts';
import { LineChart } from './LineChart.tsx';
import {
  DB_POOL,
  DB_QPS,
  ERROR_RATE,
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
}

/** Hit ratio of L1 and L2 per interval, with the 70 % alert line. */
export function HitRatioChart({ points, intervalMs }: TimeChartProps) {
  return (
    <LineChart
      title="Hit ratio per layer"
      points={points}
      intervalMs={intervalMs}
      series={HIT_RATIO}
      yLabel="Hit ratio (%)"
      yFormat={fmtPercent}
      yDomain={HIT_RATIO_DOMAIN}
      threshold={HIT_RATIO_ALERT}
    />
  );
}

/** Database reads and writes per second: the load the caches are there to absorb. */
export function DbQpsChart({ points, intervalMs }: TimeChartProps) {
  return (
    <LineChart
      title="Database queries per second"
      points={points}
      intervalMs={intervalMs}
      series={DB_QPS}
      yLabel="Queries/s"
      yFormat={fmtRate}
    />
  );
}

/** Busy connections and waiting queries: a herd shows as the pool pinned at its size and a queue. */
export function DbPoolChart({ points, intervalMs }: TimeChartProps) {
  return (
    <LineChart
      title="Database connections in use"
      points={points}
      intervalMs={intervalMs}
      series={DB_POOL}
      yLabel="Connections"
      yFormat={fmtCount}
    />
  );
}

/** Request latency p50 and p99, with the 5 ms alert line. */
export function LatencyChart({ points, intervalMs }: TimeChartProps) {
  return (
    <LineChart
      title="Latency p50 / p99"
      points={points}
      intervalMs={intervalMs}
      series={LATENCY}
      yLabel="Latency (ms)"
      yFormat={fmtMs}
      threshold={LATENCY_ALERT}
    />
  );
}

/** Reads answered with a value older than the database's. */
export function StaleRateChart({ points, intervalMs }: TimeChartProps) {
  return (
    <LineChart
      title="Stale reads per second"
      points={points}
      intervalMs={intervalMs}
      series={STALE_RATE}
      yLabel="Stale reads/s"
      yFormat={fmtRate}
    />
  );
}

/** Requests that failed for the client (timeouts included), and the retries clients sent. */
export function ErrorRateChart({ points, intervalMs }: TimeChartProps) {
  return (
    <LineChart
      title="Errors, timeouts and retries per second"
      points={points}
      intervalMs={intervalMs}
      series={ERROR_RATE}
      yLabel="Per second"
      yFormat={fmtRate}
    />
  );
}
