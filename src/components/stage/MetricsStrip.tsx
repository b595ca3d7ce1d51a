import { useInForce } from './inForce.ts';
import { selectSummary } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { formatCount, formatDuration, formatPercent } from '../format.ts';
import { OUTCOME_COLORS } from '../../render/palette.ts';

/** The headline numbers under the stage; every request is counted, whatever the canvas samples. */
export function MetricsStrip() {
  const summary = useAppStore(selectSummary);
  const l1Enabled = useInForce<boolean>('cache.l1.enabled');
  if (!summary) return null;
  const last = summary.series.points[summary.series.points.length - 1];
  const dbPerSec = last ? ((last.dbReads + last.dbWrites) * 1000) / summary.series.intervalMs : 0;
  const has = summary.requests > 0;
  const items: { label: string; value: string; color?: string; warn?: boolean }[] = [
    { label: 'Requests', value: formatCount(summary.requests) },
    ...(l1Enabled
      ? [
          {
            label: 'L1 hit ratio',
            value: has ? formatPercent(summary.l1.hitRatio) : '—',
            color: OUTCOME_COLORS['l1-hit'],
          },
        ]
      : []),
    {
      label: 'L2 hit ratio',
      value: has ? formatPercent(summary.l2.hitRatio) : '—',
      color: OUTCOME_COLORS['l2-hit'],
      warn: has && summary.l2.hitRatio < 0.7,
    },
    { label: 'DB queries/s', value: formatCount(Math.round(dbPerSec)), color: OUTCOME_COLORS.db },
    {
      label: 'p99 latency',
      value: has ? formatDuration(summary.latencyMs.p99) : '—',
      warn: summary.latencyMs.p99 > 5,
    },
    {
      label: 'Stale reads',
      value: formatCount(summary.staleReads),
      color: OUTCOME_COLORS.stale,
      warn: summary.staleReads > 0,
    },
    { label: 'Errors', value: formatCount(summary.errors), warn: summary.errors > 0 },
    // The figures only some mechanisms produce, shown when they have something to say.
    ...(summary.writeBehind || summary.lostWrites > 0
      ? [{ label: 'Lost writes', value: formatCount(summary.lostWrites), warn: summary.lostWrites > 0 }]
      : []),
    ...(summary.cdn.crossUserLeaks > 0
      ? [{ label: 'Data leaked', value: formatCount(summary.cdn.crossUserLeaks), warn: true }]
      : []),
  ];
  return (
    <dl className="metrics" aria-label="Key metrics so far">
      {items.map((m) => (
        <div key={m.label} className={`metric${m.warn ? ' warn' : ''}`}>
          <dt>
            {m.color && <span className="metric-dot" style={{ background: m.color }} aria-hidden="true" />}
            {m.label}
          </dt>
          <dd>{m.value}</dd>
        </div>
      ))}
    </dl>
  );
}
