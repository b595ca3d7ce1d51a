import { ChartFrame } from '../charts/ChartFrame.tsx';
import { AxisLeft } from '../charts/Axes.tsx';
import { INNER_H, INNER_W, MARGIN } from '../charts/frame.ts';
import { formatTick } from '../charts/ticks.ts';
import { linearScale, niceMax } from './scales.ts';

interface Props {
  title: string;
  values: readonly number[];
  /** The short name under a bar. */
  barLabel(index: number): string;
  /** The full name in the description and the tooltip. */
  barName(index: number): string;
  xLabel: string;
  yLabel: string;
  color: string;
}

/** A histogram of counts, one bar per bucket, every n-th bucket named so names never collide. */
export function TraceBars({ title, values, barLabel, barName, xLabel, yLabel, color }: Props) {
  const y = linearScale([0, niceMax(Math.max(1, ...values))], [INNER_H, 0]);
  const step = INNER_W / Math.max(1, values.length);
  const every = Math.max(1, Math.ceil(34 / step));
  return (
    <ChartFrame
      title={title}
      description={values.map((v, i) => `${barName(i)}: ${formatTick(v)}`).join(', ') || 'Nothing to show.'}
      empty={values.length === 0}
    >
      <AxisLeft scale={y} label={yLabel} format={formatTick} integer />
      <g className="axis axis-x" transform={`translate(0,${INNER_H})`}>
        <line x1={0} x2={INNER_W} className="axis-line" />
        {values.map((_, i) =>
          i % every === 0 ? (
            <text key={i} x={(i + 0.5) * step} y={18} textAnchor="middle" className="tick">
              {barLabel(i)}
            </text>
          ) : null,
        )}
        <text x={INNER_W / 2} y={MARGIN.bottom - 6} textAnchor="middle" className="axis-label">
          {xLabel}
        </text>
      </g>
      {values.map((v, i) => (
        <rect
          key={i}
          className="bar"
          x={i * step + step * 0.1}
          width={step * 0.8}
          y={y(v)}
          height={INNER_H - y(v)}
          fill={color}
        >
          <title>{`${barName(i)}: ${formatTick(v)}`}</title>
        </rect>
      ))}
    </ChartFrame>
  );
}
