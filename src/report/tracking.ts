import type { Summary } from '../engine/types.ts';
import { FIGURES, type FigureId } from '../labels/figures.ts';
import type { FigureRow, FigureSection } from './rows.ts';

/** The run figures of Redis's client-side caching with tracking (`Summary.tracking`). */

const row = (id: FigureId, value: string): FigureRow => ({ id, label: FIGURES[id], value });
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const fmt = (n: number): string => int.format(n);

/**
 * Its section, when tracking is on.
 *
 * @example
 * trackingFigures(summary); // [{ title: 'Tracking (Redis client-side caching)', rows: [...] }]
 */
export function trackingFigures(s: Summary): FigureSection[] {
  const t = s.tracking;
  if (t === undefined) return [];
  const cap = t.tableMaxKeys === null ? 'no cap' : fmt(t.tableMaxKeys);
  return [
    {
      title: 'Tracking (Redis client-side caching)',
      rows: [
        row('trackingPerInstance', t.perInstancePerSec.toFixed(1)),
        row('trackingSent', fmt(t.sent)),
        row('trackingTable', `${fmt(t.tablePeakKeys)} / ${cap}`),
        row('trackingCap', fmt(t.byCap)),
        row('trackingExpiry', fmt(t.byExpiryOrEviction)),
        row('trackingDropped', fmt(t.l1Dropped)),
        row(
          'trackingRaces',
          `${fmt(t.races)} kept (${fmt(t.racesStale)} stale) / ${fmt(t.racesPrevented)} prevented`,
        ),
      ],
    },
  ];
}
