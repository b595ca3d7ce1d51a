import { max, min } from 'd3-array';
import { scaleLinear, scaleLog } from 'd3-scale';
import { area, line } from 'd3-shape';
import { useMemo } from 'react';
import type { HeadlineFigure } from '../../report/headline.ts';
import type { Band } from '../../sweep/results.ts';
import { AxisBottom, AxisLeft } from '../charts/Axes.tsx';
import { ChartFrame } from '../charts/ChartFrame.tsx';
import { INNER_H, INNER_W, type AxisScale } from '../charts/frame.ts';
import { formatFigure } from '../compare/differences.ts';
import { metricColor } from './metricColors.ts';

export interface SweepChartProps {
  figure: HeadlineFigure;
  bands: readonly Band[];
  /** The swept field's name and how its values read ("L2 TTL", 60000 -> "1 min"). */
  xLabel: string;
  xFormat(value: number): string;
  log: boolean;
  /** More than one seed ran at each value: draw the band of their spread. */
  spread: boolean;
}

/** A log axis labels only 1, 2 and 5 times a power of ten, so the ticks never crowd. */
function axisScale(scale: (v: number) => number, ticks: (n?: number) => number[], log: boolean): AxisScale {
  const s = (v: number) => scale(v);
  s.ticks = (n?: number) => {
    const all = ticks(n);
    if (!log) return all;
    const nice = all.filter((t) =>
      [1, 2, 5].includes(Number((t / 10 ** Math.floor(Math.log10(t))).toFixed(6))),
    );
    return nice.length > 6 ? nice.filter((t) => Number.isInteger(Math.log10(t))) : nice;
  };
  return s;
}

/**
 * One figure against the swept field: the mean over the seeds as a line with a dot at each value run,
 * and the band from the lowest to the highest seed's figure, so noise and trend can be told apart.
 */
export function SweepChart({ figure, bands, xLabel, xFormat, log, spread }: SweepChartProps) {
  const computed = useMemo(() => {
    const xs = bands.map((b) => b.value);
    const lo = min(xs) ?? 0;
    const hi = max(xs) ?? 1;
    const domain: [number, number] = lo === hi ? [lo * 0.9 || -1, hi * 1.1 || 1] : [lo, hi];
    const x =
      log && lo > 0
        ? scaleLog().domain(domain).range([0, INNER_W])
        : scaleLinear().domain(domain).range([0, INNER_W]);
    // A figure that stayed at zero (no stale reads at all) gets an axis of 0 to 1, not ticks that all read 0.
    const highest = max(bands, (b) => b.max) ?? 0;
    const top = figure.unit === 'ratio' || highest <= 0 ? 1 : highest;
    const y = scaleLinear().domain([0, top]).range([INNER_H, 0]).nice();
    const meanPath = line<Band>()
      .x((b) => x(b.value))
      .y((b) => y(b.mean))([...bands]);
    const bandPath = area<Band>()
      .x((b) => x(b.value))
      .y0((b) => y(b.min))
      .y1((b) => y(b.max))([...bands]);
    return { x: axisScale(x, (n) => x.ticks(n), log), y, meanPath, bandPath, px: (v: number) => x(v) };
  }, [bands, figure.unit, log]);

  const { x, y, meanPath, bandPath, px } = computed;
  const color = metricColor(figure.id);
  const first = bands[0];
  const last = bands[bands.length - 1];
  const description =
    first && last
      ? `${figure.label} ${formatFigure(figure, first.mean)} at ${xFormat(first.value)}, ${formatFigure(figure, last.mean)} at ${xFormat(last.value)}${spread ? ', mean over the seeds, the band their spread' : ''}.`
      : 'No data yet.';
  const fmtY = (v: number) => formatFigure(figure, v);
  return (
    <ChartFrame
      title={`${figure.label} against ${xLabel}`}
      description={description}
      legend={[{ label: spread ? 'mean of the seeds (band: lowest to highest)' : 'one seed', color }]}
      empty={bands.length === 0}
    >
      <AxisLeft scale={y} label={figure.label} format={fmtY} />
      <AxisBottom scale={x} label={xLabel} format={xFormat} />
      {spread && <path d={bandPath ?? ''} className="sweep-band" fill={color} />}
      <path d={meanPath ?? ''} className="series" stroke={color} />
      {bands.map((b) => (
        <circle key={b.value} cx={px(b.value)} cy={y(b.mean)} r={3.5} className="sweep-dot" fill={color} />
      ))}
    </ChartFrame>
  );
}
