import type { AxisScale } from './frame.ts';
import { INNER_H, INNER_W, MARGIN } from './frame.ts';
import { integerTicks } from './ticks.ts';

interface AxisProps {
  scale: AxisScale;
  label: string;
  format(value: number): string;
  ticks?: number;
  /** The quantity is a count: whole-number ticks only (no "0.5 connections"). */
  integer?: boolean;
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
export function AxisLeft({ scale, label, format, ticks = 4, integer = false }: AxisProps) {
  const values = integer ? integerTicks(scale.ticks(ticks)) : scale.ticks(ticks);
  return (
    <g className="axis axis-y">
      <line y1={0} y2={INNER_H} className="axis-line" />
      {values.map((t) => (
        <g key={t} transform={`translate(0,${scale(t)})`}>
          <line x2={INNER_W} className="grid-line" />
          <line x1={-5} className="axis-line" />
          <text x={-8} dy="0.32em" textAnchor="end" className="tick">
            {format(t)}
          </text>
        </g>
      ))}
      <text
        transform={`translate(${-MARGIN.left + 11},${INNER_H / 2}) rotate(-90)`}
        textAnchor="middle"
        className="axis-label"
      >
        {label}
      </text>
    </g>
  );
}

/**
 * An alert threshold: a dashed line across the plot in the warning colour. Its words are in the
 * chart's legend, never on the plot, where they would sit on top of the data.
 */
export function ThresholdLine({ y }: { y: number }) {
  return (
    <g className="threshold" data-threshold="">
      <line x1={0} x2={INNER_W} y1={y} y2={y} strokeDasharray={THRESHOLD_DASH} />
    </g>
  );
}

/** The threshold's dash, shared with its legend entry. */
export const THRESHOLD_DASH = '7 3 2 3';
