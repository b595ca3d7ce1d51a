import type { SeriesPoint } from '../../engine/types.ts';
import { StaleAgeHistogram, TtlHistogram } from './Histograms.tsx';
import type { StaleAgeHistogramProps } from './Histograms.tsx';
import { ShardKeysChart, ShardOpsChart } from './ShardCharts.tsx';
import { DbPoolChart, DbQpsChart, HitRatioChart, LatencyChart, StaleRateChart } from './TimeCharts.tsx';
import './charts.css';

export interface ChartsPanelProps {
  points: readonly SeriesPoint[];
  intervalMs: number;
  /** Raw stale ages in ms, or the engine's `Summary.staleAges` buckets. */
  staleAges: readonly number[] | NonNullable<StaleAgeHistogramProps['buckets']>;
  /** TTLs (or TTLs left) of cached keys, in ms. */
  ttls: readonly number[];
}

/**
 * Every chart in a grid: three columns at 1280x720, two on a 1024x768 projector. The parent decides how
 * often to pass new points (at most 10 Hz); each chart recomputes only when its inputs change.
 */
export function ChartsPanel({ points, intervalMs, staleAges, ttls }: ChartsPanelProps) {
  const ages = 'edgesMs' in staleAges ? { buckets: staleAges } : { ages: staleAges };
  return (
    <section className="charts-panel" aria-label="Charts">
      <HitRatioChart points={points} intervalMs={intervalMs} />
      <DbQpsChart points={points} intervalMs={intervalMs} />
      <DbPoolChart points={points} intervalMs={intervalMs} />
      <LatencyChart points={points} intervalMs={intervalMs} />
      <StaleRateChart points={points} intervalMs={intervalMs} />
      <ShardOpsChart points={points} intervalMs={intervalMs} />
      <ShardKeysChart points={points} intervalMs={intervalMs} />
      <StaleAgeHistogram {...ages} />
      <TtlHistogram ttlsMs={ttls} />
    </section>
  );
}
