import { max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import { AxisLeft, ThresholdLine } from './Axes.tsx';
import { ChartFrame } from './ChartFrame.tsx';
import type { Threshold } from './frame.ts';
import { INNER_H, INNER_W, MARGIN } from './frame.ts';

export interface BarChartProps {
  title: string;
  values: readonly number[];
  /** Names under the bars ("0", "1", ...) and in the description ("shard 2"). */
  barLabel(index: number): string;
  xLabel: string;
  yLabel: string;
  yFormat(value: number): string;
  color: string;
  /** Bar drawn in the highlight colour with a note above it (the hot shard). */
  highlight?: { index: number; note: string } | null;
  threshold?: Threshold | undefined;
}

/** Most bar labels one axis shows. */
const MAX_TICKS = 8;

/** One bar per shard. Band positions are categorical, so the x axis is drawn here, not by AxisBottom. */
export function BarChart(props: BarChartProps) {
  const { title, values, barLabel, xLabel, yLabel, yFormat, color, highlight, threshold } = props;
  const { x, y } = useMemo(() => {
    const x = scaleBand<number>()
      .domain(values.map((_, i) => i))
      .range([0, INNER_W])
      .padding(0.2);
    const y = scaleLinear()
      // Headroom above the tallest bar for the "hot" note.
      .domain([0, Math.max((max(values) ?? 0) * 1.15, (threshold?.value ?? 0) * 1.15, 1)])
      .range([INNER_H, 0])
      .nice();
    return { x, y };
  }, [values, threshold]);

  const description = values.map((v, i) => `${barLabel(i)}: ${yFormat(v)}`).join(', ');
  // Many bars (a 128-shard cluster): label every k-th, so at most MAX_TICKS labels share the axis.
  const every = Math.ceil(values.length / MAX_TICKS);
  return (
    <ChartFrame title={title} description={description || 'No data yet.'} empty={values.length === 0}>
      <AxisLeft scale={y} label={yLabel} format={yFormat} />
      <g className="axis axis-x" transform={`translate(0,${INNER_H})`}>
        <line x1={0} x2={INNER_W} className="axis-line" />
        {values.map((_, i) =>
          i % every === 0 ? (
            <text key={i} x={(x(i) ?? 0) + x.bandwidth() / 2} y={18} textAnchor="middle" className="tick">
              {barLabel(i)}
            </text>
          ) : null,
        )}
        <text x={INNER_W / 2} y={MARGIN.bottom - 6} textAnchor="middle" className="axis-label">
          {xLabel}
        </text>
      </g>
      {values.map((v, i) => {
        const hot = highlight?.index === i;
        return (
          <rect
            key={i}
            className={hot ? 'bar bar-hot' : 'bar'}
            x={x(i) ?? 0}
            width={x.bandwidth()}
            y={y(v)}
            height={INNER_H - y(v)}
            fill={hot ? 'var(--c-accent)' : color}
          >
            <title>{`${barLabel(i)}: ${yFormat(v)}`}</title>
          </rect>
        );
      })}
      {threshold && <ThresholdLine y={y(threshold.value)} label={threshold.label} />}
      {highlight && values[highlight.index] !== undefined && (
        <text
          className="bar-note"
          x={(x(highlight.index) ?? 0) + x.bandwidth() / 2}
          y={Math.max(y(values[highlight.index] ?? 0) - 6, 10)}
          textAnchor="middle"
        >
          {highlight.note}
        </text>
      )}
    </ChartFrame>
  );
}
