import type { Summary } from '../engine/types.ts';
import { FIGURES, type FigureId } from '../labels/figures.ts';
import type { FigureRow, FigureSection } from './rows.ts';

/** The run figures of the CDN edge's RFC 5861 windows (stale-while-revalidate, stale-if-error). */

const row = (id: FigureId, value: string): FigureRow => ({ id, label: FIGURES[id], value });
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const fmt = (n: number): string => int.format(n);
const secs = (ms: number): string => `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 2)} s`;

/**
 * The section of a run whose CDN routes have a stale window, or null when none has.
 *
 * @example
 * staleWindowsFigures(summary)?.rows[0]; // { id: 'cdnServedWhileRevalidating', label: ..., value: '3,398' }
 */
export function staleWindowsFigures(s: Summary): FigureSection | null {
  const w = s.cdnStale;
  if (w === undefined) return null;
  return {
    title: 'CDN stale windows',
    rows: [
      row('cdnServedWhileRevalidating', fmt(w.servedWhileRevalidating)),
      row('cdnServedIfError', fmt(w.servedIfError)),
      row('cdnRevalidations', `${fmt(w.revalidations)} / ${fmt(w.revalidationErrors)}`),
      row('cdnServedAge', `${secs(w.meanServedAgeMs)} mean / ${secs(w.maxServedAgeMs)} max`),
    ],
  };
}
