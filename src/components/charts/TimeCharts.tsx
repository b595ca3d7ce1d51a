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
  HIT_RATIO_DOMAIN,
  HIT_RATIO_L2,
  LATENCY,
  STALE_RATE,
} from './timeSeries.ts';
import type { ChartMarker, Threshold } from './frame.ts';
import type { ChartSeries } from './coarsen.ts';
import { FIGURES } from '../../labels/figures.ts';

export interface TimeChartProps {
  points: readonly SeriesPoint[];
  intervalMs: number;
  /** The monitoring rule's alert line, when the chart has one and monitoring is on. */
  threshold?: Threshold | undefined;
  /** Live changes, marked where they happened. */
  markers?: readonly ChartMarker[] | undefined;
  /** Run B of a comparison, drawn over A's lines. */
  b?: ChartSeries | undefined;
}

/** The hit-ratio chart's props: whether it has an L1 line (not when no run has an L1 at any time). */
export type HitRatioChartProps = TimeChartProps & { l1?: boolean | undefined };

/** Hit ratio of L1 and L2 per interval (L2 alone when there is no L1), with the hit-rate alert line. */
export function HitRatioChart({ points, intervalMs, threshold, markers, b, l1 = true }: HitRatioChartProps) {
  return (
    <LineChart
      title={FIGURES.hitRatioChart}
      points={points}
      intervalMs={intervalMs}
      b={b}
      markers={markers}
      series={l1 ? HIT_RATIO : HIT_RATIO_L2}
      yLabel="Hit ratio (%)"
      yFormat={fmtPercent}
      yDomain={HIT_RATIO_DOMAIN}
      threshold={threshold}
    />
  );
}

/** Database reads and writes per second: the load the caches are there to absorb. */
export function DbQpsChart({ points, intervalMs, markers, b }: TimeChartProps) {
  return (
    <LineChart
      title={FIGURES.dbQpsChart}
      points={points}
      intervalMs={intervalMs}
      b={b}
      markers={markers}
      series={DB_QPS}
      yLabel="Queries/s"
      yFormat={fmtRate}
    />
  );
}

/** Busy connections and waiting queries: a herd shows as the pool pinned at its size and a queue. */
export function DbPoolChart({ points, intervalMs, markers, b }: TimeChartProps) {
  return (
    <LineChart
      title={FIGURES.dbPoolChart}
      points={points}
      intervalMs={intervalMs}
      b={b}
      markers={markers}
      series={DB_POOL}
      yLabel="Connections"
      yFormat={fmtCount}
      integer
    />
  );
}

/** Request latency p50 and p99, and Redis p99 with the monitoring rule's alert line. */
export function LatencyChart({ points, intervalMs, threshold, markers, b }: TimeChartProps) {
  return (
    <LineChart
      title={FIGURES.latencyChart}
      points={points}
      intervalMs={intervalMs}
      b={b}
      markers={markers}
      series={LATENCY}
      yLabel="Latency (ms)"
      yFormat={fmtMs}
      threshold={threshold}
    />
  );
}

/** Reads answered with a value older than the database's. */
export function StaleRateChart({ points, intervalMs, markers, b }: TimeChartProps) {
  return (
    <LineChart
      title={FIGURES.staleRateChart}
      points={points}
      intervalMs={intervalMs}
      b={b}
      markers={markers}
      series={STALE_RATE}
      yLabel="Stale reads/s"
      yFormat={fmtRate}
    />
  );
}

/** Requests that failed for the client (timeouts included), and the retries clients sent. */
export function ErrorRateChart({ points, intervalMs, b }: TimeChartProps) {
  return (
    <LineChart
      title={FIGURES.errorRateChart}
      points={points}
      intervalMs={intervalMs}
      b={b}
      series={ERROR_RATE}
      yLabel="Per second"
      yFormat={fmtRate}
    />
  );
}
