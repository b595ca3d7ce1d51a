import type { Summary } from '../../types.ts';
import { fmtInt, fmtRatio, pair, row } from '../../../report/format.ts';
import type { FigureSection, MechanismFigures } from '../../../report/rows.ts';

const secs = (ms: number): string => `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 2)} s`;

/** The edge's RFC 5861 windows (stale-while-revalidate, stale-if-error), when a route has one. */
function staleWindows(s: Summary): FigureSection | null {
  const w = s.cdnStale;
  if (w === undefined) return null;
  return {
    title: 'CDN stale windows',
    rows: [
      row('cdnServedWhileRevalidating', fmtInt(w.servedWhileRevalidating)),
      row('cdnServedIfError', fmtInt(w.servedIfError)),
      row('cdnRevalidations', pair(w.revalidations, w.revalidationErrors)),
      row('cdnServedAge', `${secs(w.meanServedAgeMs)} mean / ${secs(w.maxServedAgeMs)} max`),
    ],
  };
}

/**
 * The CDN edge: its hit ratio, stale hits and purges, and data served to the wrong user; then its
 * stale windows' figures when a route has them.
 */
export const cdnFigures: MechanismFigures = {
  name: 'cdn',
  sections: (s: Summary) => {
    const out: FigureSection[] = [];
    if (s.cdn.enabled) {
      out.push({
        title: 'CDN edge',
        rows: [
          row('cdnHitRatio', fmtRatio(s.cdn.hitRatio)),
          row('cdnHits', pair(s.cdn.hits, s.cdn.misses)),
          row('cdnStaleHits', pair(s.cdn.staleHits, s.cdn.purges)),
          row('crossUserLeaks', fmtInt(s.cdn.crossUserLeaks)),
        ],
      });
    }
    const stale = staleWindows(s);
    if (stale !== null) out.push(stale);
    return out.length === 0 ? null : out;
  },
};
