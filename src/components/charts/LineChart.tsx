import { max } from 'd3-array';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useMemo } from 'react';
import type { SeriesPoint } from '../../engine/types.ts';
import { AxisBottom, AxisLeft, ThresholdLine } from './Axes.tsx';
import { ChartFrame } from './ChartFrame.tsx';
import { formatDuration } from '../format.ts';
import type { ChartMarker, Threshold } from './frame.ts';
import { INNER_H, INNER_W, thresholdLegend } from './frame.ts';
import { formatTick } from './ticks.ts';
import { useChartWindow, WindowShade } from './WindowShade.tsx';

/**
 * Run B's lines in a comparison: thin and dotted (a dash-dot where A's line is dashed), so A and B are
 * told apart by pattern and by the legend's "· B", not by colour.
 */
export const B_DASH = '1.5 3.5';
export const B_DASH_OF_DASHED = '8 3 1.5 3';

/** One line of a time chart; `value` returns null where the metric is undefined (no traffic). */
export interface LineSeries<P extends Timed = SeriesPoint> {
  label: string;
  color: string;
  dashed?: boolean;
  value(point: P, intervalMs: number): number | null;
}

/** A chart's points: the engine's sample points, or a mechanism's log (anything with a time). */
export interface Timed {
  tMs: number;
}

export interface LineChartProps<P extends Timed = SeriesPoint> {
  title: string;
  points: readonly P[];
  intervalMs: number;
  /** Keep this array stable (module level): it keys the memoized paths. */
  series: readonly LineSeries<P>[];
  yLabel: string;
  yFormat(value: number): string;
  /** Fixed y range, e.g. [0, 1] for ratios; otherwise 0 to the data's maximum. */
  yDomain?: [number, number];
  threshold?: Threshold | undefined;
  /** The series count things (connections, queries): whole-number ticks. */
  integer?: boolean;
  /** Live changes, drawn where they fall within the chart's time range. */
  markers?: readonly ChartMarker[] | undefined;
  /** Run B of a comparison, drawn over A's lines in B's pattern. */
  b?: { points: readonly P[]; intervalMs: number } | undefined;
}

/** A series' values over some points, null where the metric is undefined. */
const valuesOf = <P extends Timed>(s: LineSeries<P>, points: readonly P[], intervalMs: number) =>
  points.map((p) => s.value(p, intervalMs));

/**
 * A time-series chart over the engine's sample points. Paths are computed once per new points array,
 * not per render: at 10 Hz with 600 points and several charts, that is what keeps the panel cheap.
 */
export function LineChart<P extends Timed = SeriesPoint>(props: LineChartProps<P>) {
  const { title, points, intervalMs, series, yLabel, yFormat, yDomain, threshold, markers, b } = props;
  const integer = props.integer ?? false;

  const computed = useMemo(() => {
    const values = series.map((s) => valuesOf(s, points, intervalMs));
    const bValues = b ? series.map((s) => valuesOf(s, b.points, b.intervalMs)) : [];
    const first = Math.min(points[0]?.tMs ?? 0, b?.points[0]?.tMs ?? Infinity);
    const last = Math.max(
      points[points.length - 1]?.tMs ?? first + intervalMs,
      b?.points[b.points.length - 1]?.tMs ?? -Infinity,
    );
    const x = scaleLinear()
      .domain([first / 1000, Math.max(last, first + intervalMs) / 1000])
      .range([0, INNER_W]);
    const dataMax = max([...values, ...bValues], (vs) => max(vs, (v) => v ?? 0)) ?? 0;
    // Keep the threshold on screen even when the data sits far below it; an all-zero series still
    // gets an axis up to 1 rather than one from 0 to a billionth.
    const top = Math.max(dataMax, threshold ? threshold.value * 1.25 : 0, 1);
    const y = scaleLinear()
      .domain(yDomain ?? [0, top])
      .range([INNER_H, 0])
      .nice();
    const pathOf = (at: readonly P[]) => (vs: readonly (number | null)[]) =>
      line<number | null>()
        .defined((v) => v !== null)
        .x((_, i) => x((at[i]?.tMs ?? 0) / 1000))
        .y((v) => y(v ?? 0))(vs);
    const paths = values.map(pathOf(points));
    const bPaths = b ? bValues.map(pathOf(b.points)) : [];
    const latestOf = (vs: readonly (readonly (number | null)[])[]) =>
      series.map((s, i) => `${s.label} ${formatLatest(vs[i], yFormat)}`).join(', ');
    const latest = b ? `A: ${latestOf(values)}; B: ${latestOf(bValues)}` : latestOf(values);
    return { x, y, paths, bPaths, latest };
  }, [points, intervalMs, series, yDomain, threshold, yFormat, b]);

  const { x, y, paths, bPaths, latest } = computed;
  const shade = useChartWindow();
  const shaded = shade ? ` Shaded: ${shade.label}, the lesson step's window.` : '';
  const run = (name: string) => (b ? ` · ${name}` : '');
  const shown = placeMarkers(markers ?? [], x);
  const changed = shown.length
    ? ` Changes: ${shown.map((m) => `${m.label} at ${formatDuration(m.tMs)}`).join('; ')}.`
    : '';
  return (
    <ChartFrame
      title={title}
      description={points.length ? `Latest: ${latest}.${changed}${shaded}` : 'No data yet.'}
      legend={[
        ...series.map((s) => ({ label: s.label + run('A'), color: s.color, dashed: s.dashed === true })),
        ...(b
          ? series.map((s) => ({
              label: s.label + run('B'),
              color: s.color,
              dash: s.dashed ? B_DASH_OF_DASHED : B_DASH,
            }))
          : []),
        ...(threshold ? [thresholdLegend(threshold)] : []),
      ]}
      empty={points.length === 0}
    >
      {shade && <WindowShade x={x} shade={shade} />}
      <AxisLeft scale={y} label={yLabel} format={yFormat} integer={integer} />
      <AxisBottom scale={x} label="Time (s)" format={formatTick} />
      {threshold && <ThresholdLine y={y(threshold.value)} />}
      {shown.map((m) => (
        <g key={`${m.tMs}:${m.label}`} className="change-marker" data-change-marker="">
          <line x1={m.x} x2={m.x} y1={0} y2={INNER_H} />
          {m.labelled && (
            <text x={m.x + 3} y={11}>
              {m.label}
            </text>
          )}
        </g>
      ))}
      {paths.map((d, i) => (
        <path
          key={series[i]?.label ?? i}
          d={d ?? ''}
          className="series"
          stroke={series[i]?.color}
          strokeDasharray={series[i]?.dashed ? '5 4' : undefined}
        />
      ))}
      {bPaths.map((d, i) => (
        <path
          key={`b:${series[i]?.label ?? i}`}
          d={d ?? ''}
          className="series run-b"
          data-run="b"
          stroke={series[i]?.color}
          strokeDasharray={series[i]?.dashed ? B_DASH_OF_DASHED : B_DASH}
        />
      ))}
    </ChartFrame>
  );
}

/** Room a marker's label needs (px of the chart's box) before the next one may be labelled too. */
const MARKER_LABEL_GAP = 90;

/** The markers inside the time range, with x; a label only where it does not run into the previous one. */
function placeMarkers(markers: readonly ChartMarker[], x: ScaleLinear<number, number>) {
  const [lo, hi] = x.domain() as [number, number];
  let lastLabelled = -Infinity;
  return markers
    .filter((m) => m.tMs / 1000 >= lo && m.tMs / 1000 <= hi)
    .map((m) => {
      const px = x(m.tMs / 1000);
      const labelled = px - lastLabelled >= MARKER_LABEL_GAP && px <= INNER_W - 40;
      if (labelled) lastLabelled = px;
      return { ...m, x: px, labelled };
    });
}

function formatLatest(values: readonly (number | null)[] | undefined, fmt: (v: number) => string): string {
  for (let i = (values?.length ?? 0) - 1; i >= 0; i--) {
    const v = values?.[i];
    if (v !== null && v !== undefined) return fmt(v);
  }
  return 'none';
}
