/**
 * Every chart draws in the same SVG coordinate box and scales with its container through the viewBox,
 * so type grows with the panel on a projector instead of staying at a fixed pixel size.
 */
export const WIDTH = 400;
// 400x175 lets three rows of charts (with titles) fit a 1280x720 screen.
export const HEIGHT = 175;
export const MARGIN = { top: 12, right: 14, bottom: 40, left: 58 } as const;
export const INNER_W = WIDTH - MARGIN.left - MARGIN.right;
export const INNER_H = HEIGHT - MARGIN.top - MARGIN.bottom;

/** A threshold from the monitoring rules, drawn as a dashed line with its label. */
export interface Threshold {
  value: number;
  label: string;
}

/** Minimal scale shape the axes need: d3 linear, log and band-like scales all fit. */
export interface AxisScale {
  (value: number): number;
  ticks(count?: number): number[];
}

/** A live change, drawn on the time charts as a labelled vertical line at its time. */
export interface ChartMarker {
  tMs: number;
  label: string;
}
