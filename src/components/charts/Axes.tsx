import type { AxisScale } from './frame.ts';
import { INNER_H, INNER_W, MARGIN } from './frame.ts';

interface AxisProps {
  scale: AxisScale;
  label: string;
  format(value: number): string;
  ticks?: number;
}

/** The x axis along the bottom of the plot area, with its label (and unit) underneath. */
export function AxisBottom({ scale, label, format, ticks = 5 }: AxisProps) {
  return (
    <g className="axis axis-x" transform={`translate(0,${INNER_H})`}>
      <line x1={0} x2={INNER_W} className="axis-line" />
      {scale.ticks(ticks).map((t) => (
        <g key={t} transform={`translate(${scale(t)},0)`}>
          <line y2={5} className="axis-line" />
          <text y={18} textAnchor="middle" className="tick">
            {format(t)}
          </text>
        </g>
      ))}
      <text x={INNER_W / 2} y={MARGIN.bottom - 6} textAnchor="middle" className="axis-label">
        {label}
      </text>
    </g>
  );
}

/** The y axis with light grid lines across the plot, so values can be read off without a ruler. */
export function AxisLeft({ scale, label, format, ticks = 4 }: AxisProps) {
  return (
    <g className="axis axis-y">
      <line y1={0} y2={INNER_H} className="axis-line" />
      {scale.ticks(ticks).map((t) => (
        <g key={t} transform={`translate(0,${scale(t)})`}>
          <line x2={INNER_W} className="grid-line" />
          <line x1={-5} className="axis-line" />
          <text x={-8} dy="0.32em" textAnchor="end" className="tick">
            {format(t)}
          </text>
        </g>
      ))}
      <text
        transform={`translate(${-MARGIN.left + 14},${INNER_H / 2}) rotate(-90)`}
        textAnchor="middle"
        className="axis-label"
      >
        {label}
      </text>
    </g>
  );
}

/** An alert threshold: a dashed horizontal line labelled at its right end. */
export function ThresholdLine({ y, label }: { y: number; label: string }) {
  return (
    <g className="threshold" data-threshold="">
      <line x1={0} x2={INNER_W} y1={y} y2={y} strokeDasharray="6 4" />
      <text x={INNER_W - 4} y={y - 5} textAnchor="end">
        {label}
      </text>
    </g>
  );
}
