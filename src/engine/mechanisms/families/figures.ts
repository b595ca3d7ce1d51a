import type { Scenario, Summary } from '../../types.ts';
import { FIGURES } from '../../../labels/figures.ts';
import { fmtInt, pct0, row } from '../../../report/format.ts';
import type { FigureSection, MechanismFigures } from '../../../report/rows.ts';

/** Each family's hit ratios and stale reads, and what stale reads cost the business. */
export const familiesFigures: MechanismFigures = {
  name: 'families',
  sections: (s: Summary, sc: Scenario) => {
    const out: FigureSection[] = [];
    if (s.families.length > 0) {
      out.push({
        title: FIGURES.familyRow,
        rows: s.families.map((f) => ({
          id: 'familyRow',
          label: f.name,
          value: `L1 ${pct0(f.l1.hitRatio)} · L2 ${pct0(f.l2.hitRatio)} · ${fmtInt(f.staleReads)} stale`,
        })),
      });
    }
    const c = s.consequences;
    const costly = sc.workload.families.some((f) => f.consequence !== 'none');
    if (costly || c.oversold + c.wrongPrices + c.revokedAllowed + c.wrongBalances > 0) {
      out.push({
        title: 'Business consequences of stale reads',
        rows: [
          row('oversold', fmtInt(c.oversold)),
          row('wrongPrices', fmtInt(c.wrongPrices)),
          row('revokedAllowed', fmtInt(c.revokedAllowed)),
          row('wrongBalances', fmtInt(c.wrongBalances)),
        ],
      });
    }
    return out;
  },
};
