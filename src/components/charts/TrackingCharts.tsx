import type { TrackingSample } from '../../engine/mechanisms/tracking/index.ts';
import { FIGURES } from '../../labels/figures.ts';
import { INVALIDATION_COLOR } from '../../render/palette.ts';
import { LineChart, type LineSeries } from './LineChart.tsx';
import type { ChartMarker } from './frame.ts';
import { fmtCount, fmtRate } from './timeSeries.ts';

/** The tracking mechanism's log as the Charts tab draws it (only when tracking is on). */
export interface TrackingChartProps {
  samples: readonly TrackingSample[];
  intervalMs: number;
  /** Instances the invalidations are shared among (the log counts all they received). */
  instances: number;
  markers?: readonly ChartMarker[] | undefined;
}

/** Per-instance series, one array per instance count so the memoized paths keep their key. */
const perInstance = new Map<number, readonly LineSeries<TrackingSample>[]>();
function invalidationSeries(instances: number): readonly LineSeries<TrackingSample>[] {
  let s = perInstance.get(instances);
  if (!s) {
    const n = Math.max(1, instances);
    s = [{ label: 'Invalidations', color: INVALIDATION_COLOR, value: (p) => p.invalidationsPerSec / n }];
    perInstance.set(instances, s);
  }
  return s;
}

const TABLE: readonly LineSeries<TrackingSample>[] = [
  { label: FIGURES.trackingTableSeries, color: 'var(--c-fg)', value: (p) => p.tableKeys },
];

/** Invalidations Redis pushed, per instance and second of simulated time (what each L1 has to absorb). */
export function TrackingInvalidationsChart({ samples, intervalMs, instances, markers }: TrackingChartProps) {
  return (
    <LineChart
      title={FIGURES.trackingInvalidationsChart}
      points={samples}
      intervalMs={intervalMs}
      markers={markers}
      series={invalidationSeries(instances)}
      yLabel="Per second"
      yFormat={fmtRate}
    />
  );
}

/** The keys Redis's tracking tables hold, all shards together (BCAST keeps none). */
export function TrackingTableChart({ samples, intervalMs, markers }: TrackingChartProps) {
  return (
    <LineChart
      title={FIGURES.trackingTableChart}
      points={samples}
      intervalMs={intervalMs}
      markers={markers}
      series={TABLE}
      yLabel="Keys"
      yFormat={fmtCount}
      integer
    />
  );
}
