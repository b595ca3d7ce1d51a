/**
 * Every chart draws in the same SVG coordinate box and scales with its container through the viewBox,
 * so type grows with the panel on a projector instead of staying at a fixed pixel size.
 */
export const WIDTH = 400;
// 400x175 lets three rows of charts (with titles) fit a 1280x720 screen.
export const HEIGHT = 175;
export const MARGIN = { top: 12, right: 14, bottom: 40, left: 70 } as const;
export const INNER_W = WIDTH - MARGIN.left - MARGIN.right;
export const INNER_H = HEIGHT - MARGIN.top - MARGIN.bottom;

/** A threshold from the monitoring rules, drawn as a dashed line; its label goes in the legend. */
export interface Threshold {
  value: number;
  label: string;
}

/** The legend entry of a threshold, in the warning colour the line is drawn in. */
export const thresholdLegend = (t: Threshold) => ({
  label: t.label,
  color: 'var(--c-error)',
  threshold: true,
});

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
