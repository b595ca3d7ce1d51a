import { createContext, useContext } from 'react';
import type { ScaleLinear } from 'd3-scale';
import { INNER_H } from './frame.ts';

/**
 * A stretch of the run the time charts shade: the window a checked lesson step measured its answer
 * in, labelled as the metrics strip labels it ("60-72 s"). Provided around the charts; none by default.
 */
export interface ChartWindow {
  fromMs: number;
  untilMs: number;
  label: string;
}

export const ChartWindowContext = createContext<ChartWindow | null>(null);

export const useChartWindow = (): ChartWindow | null => useContext(ChartWindowContext);

/** The shaded window within a chart's time axis (in seconds), clipped to it; nothing outside it. */
export function WindowShade({ x, shade }: { x: ScaleLinear<number, number>; shade: ChartWindow }) {
  const [lo, hi] = x.domain() as [number, number];
  const from = Math.max(lo, shade.fromMs / 1000);
  const until = Math.min(hi, shade.untilMs / 1000);
  if (!(until > from)) return null;
  const x0 = x(from);
  const width = x(until) - x0;
  return (
    <g className="window-shade" data-window={shade.label}>
      <rect x={x0} y={0} width={width} height={INNER_H} />
      {width >= 34 && (
        <text x={x0 + 3} y={INNER_H - 4}>
          {shade.label}
        </text>
      )}
    </g>
  );
}
