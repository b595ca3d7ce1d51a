import type { Summary } from '../../types.ts';
import { fmtRatio, pair, row } from '../../../report/format.ts';
import type { MechanismFigures } from '../../../report/rows.ts';

/** The database's own query cache: hits, misses, and the table flushes a write causes. */
export const queryCacheFigures: MechanismFigures = {
  name: 'queryCache',
  sections: (s: Summary) => {
    const q = s.queryCache;
    if (!q.enabled) return null;
    return {
      title: 'Database query cache',
      rows: [
        row('queryCacheHitRatio', fmtRatio(q.hitRatio)),
        row('queryCacheHits', pair(q.hits, q.misses)),
        row('queryCacheFlushes', pair(q.invalidations, q.droppedEntries)),
      ],
    };
  },
};
