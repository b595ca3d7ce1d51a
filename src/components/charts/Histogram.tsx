import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import { formatDuration } from '../format.ts';
import { AxisBottom, AxisLeft } from './Axes.tsx';
import type { DurationBins } from './bins.ts';
import { ChartFrame } from './ChartFrame.tsx';
import type { AxisScale } from './frame.ts';
import { INNER_H, INNER_W } from './frame.ts';
import { formatTick } from './ticks.ts';

export interface HistogramProps {
  title: string;
  data: DurationBins;
  /** The quantity on the x axis, e.g. "TTL"; "(log scale)" is added when the bins are logarithmic. */
  xLabel: string;
  yLabel: string;
  color: string;
  /** The y axis's top at least this (histograms compared side by side share one scale); its own peak else. */
  yMax?: number | undefined;
}

/** Bars over a duration axis; a log axis is ticked at whole decades (1 ms, 10 ms, 100 ms, 1 s, ...). */
export function Histogram({ title, data, xLabel, yLabel, color, yMax = 0 }: HistogramProps) {
  const { bins, log } = data;
  const edge = useMemo(() => (log ? (l: number) => formatDuration(10 ** l) : formatDuration), [log]);
  const { x, y, total } = useMemo(() => {
    const lo = bins[0]?.x0 ?? 0;
    const hi = bins[bins.length - 1]?.x1 ?? 1;
    const linear = scaleLinear().domain([lo, hi]).range([0, INNER_W]);
    const decades: number[] = [];
    for (let d = Math.ceil(lo); d <= Math.floor(hi); d++) decades.push(d);
    // Keep at most ~6 labels so they do not collide at projector font sizes.
    const step = Math.ceil(decades.length / 6);
    const x: AxisScale = log
      ? Object.assign((v: number) => linear(v), { ticks: () => decades.filter((_, i) => i % step === 0) })
      : linear;
    const y = scaleLinear()
      .domain([0, Math.max(max(bins, (b) => b.count) ?? 0, yMax, 1)])
      .range([INNER_H, 0])
      .nice();
    return { x, y, total: bins.reduce((s, b) => s + b.count, 0) };
  }, [bins, log, yMax]);

  const description = total
    ? bins
        .filter((b) => b.count > 0)
        .map((b) => `${edge(b.x0)} to ${edge(b.x1)}: ${b.count}`)
        .join(', ')
    : 'No data yet.';
  return (
    <ChartFrame title={title} description={description} empty={total === 0}>
      <AxisLeft scale={y} label={yLabel} format={formatTick} integer />
      <AxisBottom scale={x} label={log ? `${xLabel} (log scale)` : xLabel} format={edge} ticks={4} />
      {bins.map((b, i) => (
        <rect
          key={i}
          className="bar"
          x={x(b.x0) + 0.5}
          width={Math.max(x(b.x1) - x(b.x0) - 1, 1)}
          y={y(b.count)}
          height={INNER_H - y(b.count)}
          fill={color}
        >
          <title>{`${edge(b.x0)} to ${edge(b.x1)}: ${b.count}`}</title>
        </rect>
      ))}
    </ChartFrame>
  );
}
