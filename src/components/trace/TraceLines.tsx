import { line } from 'd3-shape';
import { useMemo } from 'react';
import type { WorkloadStats } from '../../trace/stats.ts';
import { ChartFrame } from '../charts/ChartFrame.tsx';
import { AxisBottom, AxisLeft } from '../charts/Axes.tsx';
import { INNER_H, INNER_W } from '../charts/frame.ts';
import { formatTick } from '../charts/ticks.ts';
import { formatCount, formatDuration } from '../format.ts';
import { linearScale, logScale, niceMax } from './scales.ts';

/** Requests per second over the trace's time span. */
export function RateChart({ stats }: { stats: WorkloadStats }) {
  const { path, x, y } = useMemo(() => {
    const { binMs, perSecond } = stats.rate;
    const x = linearScale([0, Math.max(1, (perSecond.length * binMs) / 1000)], [0, INNER_W]);
    const y = linearScale([0, niceMax(Math.max(1, ...perSecond))], [INNER_H, 0]);
    const path = line<number>()
      .x((_, i) => x(((i + 0.5) * binMs) / 1000))
      .y((v) => y(v))(perSecond);
    return { path, x, y };
  }, [stats]);
  const peak = Math.max(0, ...stats.rate.perSecond);
  return (
    <ChartFrame
      title="Request rate"
      description={`Requests per second over ${formatDuration(stats.durationMs)}, in bins of ${formatDuration(stats.rate.binMs)}; peak ${formatCount(peak)}.`}
      empty={stats.rate.perSecond.length === 0}
    >
      <AxisLeft scale={y} label="Requests/s" format={formatTick} />
      <AxisBottom scale={x} label="Time into the trace (s)" format={formatTick} />
      <path d={path ?? ''} className="series" stroke="var(--c-accent)" />
    </ChartFrame>
  );
}

/** Requests per key against popularity rank, both on log scales, with the fitted Zipf line. */
export function PopularityChart({ stats }: { stats: WorkloadStats }) {
  const { points, fit, x, y } = useMemo(() => {
    const pts = stats.popularity.filter((p) => p.count > 0);
    const x = logScale([1, Math.max(10, pts[pts.length - 1]?.rank ?? 10)], [0, INNER_W], 5);
    const y = logScale([1, Math.max(10, pts[0]?.count ?? 10)], [INNER_H, 0], 4);
    const points = line<{ rank: number; count: number }>()
      .x((p) => x(p.rank))
      .y((p) => y(p.count))(pts);
    const z = stats.zipf;
    const head = pts[0]?.count ?? 1;
    const fit = z
      ? line<number>()
          .x((r) => x(r))
          .y((r) => y(Math.max(1, head * Math.pow(r, -z.alpha))))([1, z.ranks])
      : null;
    return { points, fit, x, y };
  }, [stats]);
  const z = stats.zipf;
  return (
    <ChartFrame
      title="Popularity"
      description={`Requests per key by rank on log scales${z ? `; a Zipf exponent of ${z.alpha.toFixed(2)} fits the keys requested twice or more` : ''}.`}
      legend={[
        { label: 'Keys by rank', color: 'var(--c-accent)' },
        ...(z ? [{ label: `Zipf ${z.alpha.toFixed(2)}`, color: '#D55E00', dashed: true }] : []),
      ]}
      empty={stats.popularity.length === 0}
    >
      <AxisLeft scale={y} label="Requests" format={formatTick} ticks={3} />
      <AxisBottom scale={x} label="Rank" format={formatTick} ticks={4} />
      <path d={points ?? ''} className="series" stroke="var(--c-accent)" />
      {fit && <path d={fit} className="series" stroke="#D55E00" strokeDasharray="5 4" />}
    </ChartFrame>
  );
}
