import type { Scenario, Summary } from '../../types.ts';
import { fmtInt, row } from '../../../report/format.ts';
import type { MechanismFigures } from '../../../report/rows.ts';

/** The stampede mitigations and warming: locks, XFetch recomputes, refresh and warming reads. */
export const stampedeFigures: MechanismFigures = {
  name: 'stampede',
  sections: (s: Summary, sc: Scenario) => {
    const m = s.mitigations;
    const on = sc.cache.stampede.mode !== 'none' || sc.cache.warming.enabled;
    if (!on && m.lockAcquisitions + m.xfetchRecomputes + m.refreshReads + m.warmingReads === 0) return null;
    return {
      title: 'Stampede mitigations',
      rows: [
        row('locksTaken', fmtInt(m.lockAcquisitions)),
        row('lockWaits', fmtInt(m.lockWaits)),
        row('lockFallThroughs', fmtInt(m.lockFallThroughs)),
        row('recomputesPerCycle', m.xfetchCycles > 0 ? m.recomputesPerCycle.toFixed(2) : '-'),
        row('refreshReads', fmtInt(m.refreshReads)),
        row('warmingReads', fmtInt(m.warmingReads)),
      ],
    };
  },
};
