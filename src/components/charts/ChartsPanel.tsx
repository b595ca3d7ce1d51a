import { Fragment, useMemo, type ReactNode } from 'react';
import type { Scenario, SeriesPoint } from '../../engine/types.ts';
import { FIGURES, type FigureId } from '../../labels/figures.ts';
import { StaleAgeHistogram, TtlHistogram } from './Histograms.tsx';
import type { StaleAgeHistogramProps, TtlHistogramProps } from './Histograms.tsx';
import { ShardKeysChart, ShardMemoryChart, ShardOpsChart } from './ShardCharts.tsx';
import type { ShardMemoryChartProps } from './ShardCharts.tsx';
import {
  DbPoolChart,
  DbQpsChart,
  ErrorRateChart,
  HitRatioChart,
  LatencyChart,
  StaleRateChart,
} from './TimeCharts.tsx';
import type { TimeChartProps } from './TimeCharts.tsx';
import { TrackingInvalidationsChart, TrackingTableChart } from './TrackingCharts.tsx';
import type { TrackingChartProps } from './TrackingCharts.tsx';
import { coarsen, type ChartSeries } from './coarsen.ts';
import type { ChartMarker } from './frame.ts';
import { chartThresholds } from './timeSeries.ts';
import './charts.css';

export interface ChartsPanelProps {
  points: readonly SeriesPoint[];
  intervalMs: number;
  /** Raw stale ages in ms, or the engine's `Summary.staleAges` buckets. */
  staleAges: readonly number[] | NonNullable<StaleAgeHistogramProps['buckets']>;
  /** TTLs (or TTLs left) of cached keys in ms, or the engine's TTL-left buckets. */
  ttls: readonly number[] | NonNullable<TtlHistogramProps['buckets']>;
  /** Memory per shard; the chart is left out when not given. */
  memory?: Omit<ShardMemoryChartProps, 'alertAt'> | undefined;
  /** The scenario's alert thresholds, drawn on the charts they concern; none when left out. */
  monitoring?: Scenario['monitoring'] | undefined;
  /** Live changes, marked on the time charts. */
  markers?: readonly ChartMarker[] | undefined;
  /** Run B's series in a comparison: the time charts draw it over A's (the others show A). */
  b?: ChartSeries | null | undefined;
  /** Whether any run shown has an L1 at some time (else the hit-ratio chart draws L2 alone). */
  l1?: boolean | undefined;
  /** The histograms' y axis tops at least these (A's and B's side by side share one scale). */
  histogramMax?: { staleAgeChart: number; ttlChart: number } | undefined;
  /** Redis client tracking's log (`Summary.tracking.series`): its charts only when tracking is on. */
  tracking?: Pick<TrackingChartProps, 'samples' | 'instances'> | undefined;
}

/**
 * The charts in the order the panel draws them, each with the figure it shows. `line` is what the time
 * charts draw (a long run's series coarsened, with the change markers); the shard charts read the
 * latest interval of the full series.
 */
function charts(
  p: ChartsPanelProps,
  line: TimeChartProps = { points: p.points, intervalMs: p.intervalMs },
): { id: FigureId; series?: FigureId[]; node: ReactNode }[] {
  const { points, intervalMs, staleAges, ttls, memory } = p;
  const t = p.monitoring ? chartThresholds(p.monitoring) : {};
  const time = { points, intervalMs };
  const ages = 'edgesMs' in staleAges ? { buckets: staleAges } : { ages: staleAges };
  const ttlProps = 'edgesMs' in ttls ? { buckets: ttls } : { ttlsMs: ttls };
  return [
    { id: 'hitRatioChart', node: <HitRatioChart {...line} threshold={t.hitRatio} l1={p.l1} /> },
    { id: 'dbQpsChart', node: <DbQpsChart {...line} /> },
    { id: 'dbPoolChart', series: ['queriesWaiting'], node: <DbPoolChart {...line} /> },
    { id: 'latencyChart', series: ['redisP99'], node: <LatencyChart {...line} threshold={t.redisP99} /> },
    { id: 'staleRateChart', node: <StaleRateChart {...line} /> },
    {
      id: 'errorRateChart',
      series: ['errors', 'timeoutsSeries', 'retriesSeries'],
      node: <ErrorRateChart {...line} />,
    },
    { id: 'shardOpsChart', node: <ShardOpsChart {...time} /> },
    { id: 'shardKeysChart', node: <ShardKeysChart {...time} /> },
    { id: 'staleAgeChart', node: <StaleAgeHistogram {...ages} yMax={p.histogramMax?.staleAgeChart} /> },
    { id: 'ttlChart', node: <TtlHistogram {...ttlProps} yMax={p.histogramMax?.ttlChart} /> },
    ...(memory
      ? [{ id: 'memoryChart' as const, node: <ShardMemoryChart {...memory} alertAt={t.memory} /> }]
      : []),
    ...(p.tracking ? trackingCharts({ ...p.tracking, intervalMs, markers: line.markers }) : []),
  ];
}

/** Tracking's two charts: invalidations per instance per second, and the tables' keys. */
function trackingCharts(t: TrackingChartProps): { id: FigureId; series?: FigureId[]; node: ReactNode }[] {
  return [
    { id: 'trackingInvalidationsChart', node: <TrackingInvalidationsChart {...t} /> },
    { id: 'trackingTableChart', series: ['trackingTableSeries'], node: <TrackingTableChart {...t} /> },
  ];
}

/** The figures the Charts tab draws, titles and named series (memory and tracking's, which it may pass). */
export const chartFigures = (): FigureId[] =>
  charts({
    points: [],
    intervalMs: 1000,
    staleAges: [],
    ttls: [],
    memory: { bytes: [], maxBytes: null },
    tracking: { samples: [], instances: 1 },
  }).flatMap((c) => [c.id, ...(c.series ?? [])]);

/** The charts the panel draws for these props, by figure id and title (the Export dialog's choices). */
export const chartChoices = (p: ChartsPanelProps): { id: FigureId; title: string }[] =>
  charts(p).map((c) => ({ id: c.id, title: FIGURES[c.id] }));

/** The charts as the panel draws them: a long run's time series coarsened, live changes marked. */
function useDrawnCharts(props: ChartsPanelProps) {
  const { points, intervalMs, markers, b } = props;
  // Long runs draw at most a few hundred points per line (see coarsen.ts).
  const coarse = useMemo(() => coarsen({ points, intervalMs }), [points, intervalMs]);
  const coarseB = useMemo(() => (b ? coarsen(b) : undefined), [b]);
  return charts(props, { ...coarse, markers, b: coarseB });
}

/**
 * Every chart in a grid: three columns at 1280x720, two on a 1024x768 projector. The parent decides how
 * often to pass new points (at most 10 Hz); each chart recomputes only when its inputs change.
 */
export function ChartsPanel(props: ChartsPanelProps) {
  return (
    <section className="charts-panel" aria-label="Charts">
      {useDrawnCharts(props).map((c) => (
        <Fragment key={c.id}>{c.node}</Fragment>
      ))}
    </section>
  );
}

/** One chart, drawn exactly as the panel draws it (the Export dialog's preview of what it saves). */
export function OneChart({ id, ...props }: ChartsPanelProps & { id: FigureId }) {
  const chart = useDrawnCharts(props).find((c) => c.id === id);
  return chart ? <>{chart.node}</> : null;
}
