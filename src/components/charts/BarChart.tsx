import { max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import { AxisLeft, ThresholdLine } from './Axes.tsx';
import { ChartFrame } from './ChartFrame.tsx';
import type { Threshold } from './frame.ts';
import { INNER_H, INNER_W, MARGIN, thresholdLegend } from './frame.ts';

export interface BarChartProps {
  title: string;
  values: readonly number[];
  /** The short name under a bar ("3"). */
  barLabel(index: number): string;
  /** The full name in the description and the tooltip ("Redis shard 3"). */
  barName(index: number): string;
  xLabel: string;
  yLabel: string;
  yFormat(value: number): string;
  color: string;
  /** Bar drawn in the highlight colour with a note above it (the hot shard). */
  highlight?: { index: number; note: string } | null;
  threshold?: Threshold | undefined;
  /** The bars count things (keys, bytes): whole-number ticks. */
  integer?: boolean;
}

/** Room a label under a bar needs, in viewBox units (12 px type, up to three characters). */
const LABEL_ROOM = 24;

/** One bar per shard. Band positions are categorical, so the x axis is drawn here, not by AxisBottom. */
export function BarChart(props: BarChartProps) {
  const { title, values, barLabel, barName, xLabel, yLabel, yFormat, color, highlight, threshold } = props;
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
  // With many bars only every n-th is labelled, so the numbers never run into each other.
  const every = Math.max(1, Math.ceil(LABEL_ROOM / x.step()));

  const description = values.map((v, i) => `${barName(i)}: ${yFormat(v)}`).join(', ');
  return (
    <ChartFrame
      title={title}
      description={description || 'No data yet.'}
      empty={values.length === 0}
      legend={threshold ? [thresholdLegend(threshold)] : undefined}
    >
      <AxisLeft scale={y} label={yLabel} format={yFormat} integer={props.integer === true} />
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
            <title>{`${barName(i)}: ${yFormat(v)}`}</title>
          </rect>
        );
      })}
      {threshold && <ThresholdLine y={y(threshold.value)} />}
      {highlight && values[highlight.index] !== undefined && (
        <text
          className="bar-note"
          x={(x(highlight.index) ?? 0) + x.bandwidth() / 2}
          y={Math.max(y(values[highlight.index] ?? 0) - 6, 10)}
          textAnchor={noteAnchor(highlight.index, values.length)}
        >
          {highlight.note}
        </text>
      )}
    </ChartFrame>
  );
}

/** The note over the first or last bar grows inwards, so it stays inside the plot. */
function noteAnchor(index: number, count: number): 'start' | 'middle' | 'end' {
  if (count > 4 && index === 0) return 'start';
  if (count > 4 && index === count - 1) return 'end';
  return 'middle';
}
