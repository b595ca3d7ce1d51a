import type { Summary } from '../../types.ts';
import { fmtInt, fmtRatio, pair, row } from '../../../report/format.ts';
import type { MechanismFigures } from '../../../report/rows.ts';

/** The CDN edge: its hit ratio, stale hits and purges, and data served to the wrong user. */
export const cdnFigures: MechanismFigures = {
  name: 'cdn',
  sections: (s: Summary) => {
    if (!s.cdn.enabled) return null;
    return {
      title: 'CDN edge',
      rows: [
        row('cdnHitRatio', fmtRatio(s.cdn.hitRatio)),
        row('cdnHits', pair(s.cdn.hits, s.cdn.misses)),
        row('cdnStaleHits', pair(s.cdn.staleHits, s.cdn.purges)),
        row('crossUserLeaks', fmtInt(s.cdn.crossUserLeaks)),
      ],
    };
  },
};
