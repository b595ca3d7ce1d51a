import { line } from 'd3-shape';
import { useId, useMemo, useState } from 'react';
import type { TraceAnalysis } from '../../trace/job.ts';
import type { CurvePoint, Policy } from '../../trace/mrc/types.ts';
import { optLabel, sampledLabel, shardsNote } from '../../trace/mrc/labels.ts';
import type { SampledPolicy } from '../../trace/mrc/sampled.ts';
import { fmtBytes } from '../../report/figures.ts';
import { ChartFrame } from '../charts/ChartFrame.tsx';
import { AxisBottom, AxisLeft } from '../charts/Axes.tsx';
import { INNER_H, INNER_W } from '../charts/frame.ts';
import { formatBytesTick } from '../charts/ticks.ts';
import { formatPercent } from '../format.ts';
import { linearScale, logScale } from './scales.ts';

/** Okabe-Ito colours and a dash each, so the three curves differ without colour too. */
const LINES: { policy: Policy; label: string; color: string; dash?: string }[] = [
  { policy: 'lru', label: 'LRU (exact)', color: '#0072B2' },
  { policy: 'fifo', label: 'FIFO', color: '#E69F00', dash: '6 4' },
  { policy: 'opt', label: 'Belady (offline)', color: '#009E73', dash: '2 3' },
];

/** Redis's sampled policies: a few simulated sizes each, drawn as marked points on a dotted line. */
const SAMPLED: {
  policy: SampledPolicy;
  label: string;
  color: string;
  dash: string;
  shape: 'circle' | 'square';
}[] = [
  { policy: 'redis-lru', label: 'Redis LRU (sampled, 5)', color: '#D55E00', dash: '1 3', shape: 'circle' },
  {
    policy: 'redis-lfu',
    label: 'Redis LFU (sampled, 5)',
    color: '#CC79A7',
    dash: '5 2 1 2',
    shape: 'square',
  },
];

type By = 'requests' | 'bytes';

/**
 * Miss ratio against cache size (bytes, log scale) for LRU, FIFO and Belady's offline policy, by
 * requests or by bytes, with the scenario's L1 and Redis sizes marked where it sets them.
 */
export function MissRatioChart({ analysis }: { analysis: TraceAnalysis }) {
  const { curves, marks } = analysis;
  const [by, setBy] = useState<By>('requests');
  const name = useId();
  const ratio = (p: CurvePoint) =>
    by === 'requests' ? p.misses / Math.max(1, curves.requests) : p.missBytes / Math.max(1, curves.bytes);
  const sampled = SAMPLED.filter((l) => (curves.curves[l.policy]?.length ?? 0) > 0);
  const pointsOf = (policy: SampledPolicy) =>
    [...(curves.curves[policy] ?? [])].sort((a, b) => a.size - b.size);
  const { x, y, paths } = useMemo(() => {
    const all = LINES.flatMap((l) => curves.curves[l.policy]);
    const sizes = all.map((p) => p.size);
    const x = logScale([Math.max(1, Math.min(...sizes)), Math.max(2, ...sizes)], [0, INNER_W], 5);
    const y = linearScale([0, 1], [INNER_H, 0]);
    const paths = LINES.map((l) => {
      const pts = [...curves.curves[l.policy]].sort((a, b) => a.size - b.size);
      return line<CurvePoint>()
        .x((p) => x(p.size))
        .y((p) => y(ratio(p)))(pts);
    });
    return { x, y, paths };
    // ratio depends only on `by` and the curves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [curves, by]);
  const at = (policy: Policy, size: number) => curves.curves[policy].find((p) => p.size === size);
  const described = [...LINES, ...sampled]
    .map((l) => {
      const pts = curves.curves[l.policy] ?? [];
      const first = pts[0];
      const last = pts[pts.length - 1];
      return first && last
        ? `${l.label} from ${formatPercent(ratio(first))} at ${fmtBytes(first.size)} to ${formatPercent(ratio(last))} at ${fmtBytes(last.size)}`
        : '';
    })
    .join('; ');
  return (
    <section className="trace-mrc" aria-label="Miss-ratio curves">
      <fieldset className="trace-by">
        <legend>Miss ratio by</legend>
        {(['requests', 'bytes'] as const).map((b) => (
          <label key={b}>
            <input type="radio" name={name} checked={by === b} onChange={() => setBy(b)} /> {b}
          </label>
        ))}
      </fieldset>
      <div className="trace-mrc-body">
        <ChartFrame
          title={`Miss ratio by ${by} against cache size`}
          description={`${described}.`}
          legend={[...LINES, ...sampled].map((l) => ({
            label: l.label,
            color: l.color,
            ...(l.dash ? { dash: l.dash } : {}),
          }))}
        >
          <AxisLeft scale={y} label={`Miss ratio (${by})`} format={(v) => formatPercent(v)} />
          <AxisBottom scale={x} label="Cache size" format={formatBytesTick} ticks={4} />
          {marks.map((m, i) => (
            <g key={m.label} className="trace-mark">
              <line x1={x(m.size)} x2={x(m.size)} y1={0} y2={INNER_H} />
              <text x={x(m.size) + 3} y={12 + 13 * i}>
                {m.label.split(':')[0]}
              </text>
            </g>
          ))}
          {paths.map((d, i) => (
            <path
              key={LINES[i]?.policy}
              d={d ?? ''}
              className="series"
              stroke={LINES[i]?.color}
              strokeDasharray={LINES[i]?.dash}
            />
          ))}
          {sampled.map((l) => {
            const pts = pointsOf(l.policy);
            const d = line<CurvePoint>()
              .x((p) => x(p.size))
              .y((p) => y(ratio(p)))(pts);
            return (
              <g key={l.policy} className="trace-sampled" stroke={l.color} fill={l.color}>
                <path d={d ?? ''} className="series" strokeDasharray={l.dash} fill="none" />
                {pts.map((p) =>
                  l.shape === 'circle' ? (
                    <circle key={p.size} cx={x(p.size)} cy={y(ratio(p))} r={3.5} />
                  ) : (
                    <rect key={p.size} x={x(p.size) - 3.5} y={y(ratio(p)) - 3.5} width={7} height={7} />
                  ),
                )}
              </g>
            );
          })}
        </ChartFrame>
        <ul className="trace-mrc-notes">
          <li>Belady: {optLabel(curves.uniformSizes)}.</li>
          <li>
            A cache of S bytes holds objects while their sizes sum to at most S; a miss inserts the object
            (one larger than the cache is not kept); every first request is a miss (libCacheSim&apos;s rules).
            Each object has the size of its last request.
          </li>
          {sampled.length > 0 && <li>{sampledLabel()}.</li>}
          {curves.sampleRate < 1 && <li>{shardsNote(curves.sampleRate)}.</li>}
          {marks.map((m) => {
            const lru = at('lru', m.size);
            return (
              <li key={m.label}>
                {m.label} = {fmtBytes(m.size)}
                {lru ? `: LRU misses ${formatPercent(ratio(lru))} of ${by} there` : ''}.
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
