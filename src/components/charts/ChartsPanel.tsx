import { useMemo } from 'react';
import type { SeriesPoint } from '../../engine/types.ts';
import { coarsen } from './coarsen.ts';
import type { ChartMarker } from './frame.ts';
import { StaleAgeHistogram, TtlHistogram } from './Histograms.tsx';
import type { StaleAgeHistogramProps, TtlHistogramProps } from './Histograms.tsx';
import { ShardKeysChart, ShardMemoryChart, ShardOpsChart } from './ShardCharts.tsx';
import type { ShardMemoryChartProps } from './ShardCharts.tsx';
import { DbPoolChart, DbQpsChart, HitRatioChart, LatencyChart, StaleRateChart } from './TimeCharts.tsx';
import './charts.css';

export interface ChartsPanelProps {
  points: readonly SeriesPoint[];
  intervalMs: number;
  /** Raw stale ages in ms, or the engine's `Summary.staleAges` buckets. */
  staleAges: readonly number[] | NonNullable<StaleAgeHistogramProps['buckets']>;
  /** TTLs (or TTLs left) of cached keys in ms, or the engine's TTL-left buckets. */
  ttls: readonly number[] | NonNullable<TtlHistogramProps['buckets']>;
  /** Memory per shard; the chart is left out when not given. */
  memory?: ShardMemoryChartProps | undefined;
  /** Live changes, marked on the time charts. */
  markers?: readonly ChartMarker[] | undefined;
}

/**
 * Every chart in a grid: three columns at 1280x720, two on a 1024x768 projector. The parent decides how
 * often to pass new points (at most 10 Hz); each chart recomputes only when its inputs change.
 */
export function ChartsPanel({ points, intervalMs, staleAges, ttls, memory, markers }: ChartsPanelProps) {
  const ages = 'edgesMs' in staleAges ? { buckets: staleAges } : { ages: staleAges };
  const ttlProps = 'edgesMs' in ttls ? { buckets: ttls } : { ttlsMs: ttls };
  // Long runs draw at most a few hundred points per line; the shard charts read the latest interval.
  const coarse = useMemo(() => coarsen({ points, intervalMs }), [points, intervalMs]);
  const line = { ...coarse, markers };
  return (
    <section className="charts-panel" aria-label="Charts">
      <HitRatioChart {...line} />
      <DbQpsChart {...line} />
      <DbPoolChart {...line} />
      <LatencyChart {...line} />
      <StaleRateChart {...line} />
      <ShardOpsChart points={points} intervalMs={intervalMs} />
      <ShardKeysChart points={points} intervalMs={intervalMs} />
      <StaleAgeHistogram {...ages} />
      <TtlHistogram {...ttlProps} />
      {memory && <ShardMemoryChart {...memory} />}
    </section>
  );
}
