import type { Summary } from '../../types.ts';
import { fmtInt, row } from '../../../report/format.ts';
import type { MechanismFigures } from '../../../report/rows.ts';

/** Redis's client-side caching with tracking (`Summary.tracking`), when it is on. */
export const trackingFigures: MechanismFigures = {
  name: 'tracking',
  sections: (s: Summary) => {
    const t = s.tracking;
    if (t === undefined) return null;
    const cap = t.tableMaxKeys === null ? 'no cap' : fmtInt(t.tableMaxKeys);
    return {
      title: 'Tracking (Redis client-side caching)',
      rows: [
        row('trackingPerInstance', t.perInstancePerSec.toFixed(1)),
        row('trackingSent', fmtInt(t.sent)),
        row('trackingTable', `${fmtInt(t.tablePeakKeys)} / ${cap}`),
        row('trackingCap', fmtInt(t.byCap)),
        row('trackingExpiry', fmtInt(t.byExpiryOrEviction)),
        row('trackingDropped', fmtInt(t.l1Dropped)),
        row(
          'trackingRaces',
          `${fmtInt(t.races)} kept (${fmtInt(t.racesStale)} stale) / ${fmtInt(t.racesPrevented)} prevented`,
        ),
      ],
    };
  },
};
