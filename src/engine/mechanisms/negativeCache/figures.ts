import type { Scenario, Summary } from '../../types.ts';
import { FIGURES, type FigureId } from '../../../labels/figures.ts';
import type { FigureRow, MechanismFigures } from '../../../report/rows.ts';

const row = (id: FigureId, value: string): FigureRow => ({ id, label: FIGURES[id], value });
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const fmt = (n: number): string => int.format(n);
const pct = (r: number): string => `${(r * 100).toFixed(2)} %`;

/** Reads of absent keys, and what negative caching or the Bloom filter made of them. */
export const negativeCacheFigures: MechanismFigures = {
  name: 'negativeCache',
  sections: (s: Summary, sc: Scenario) => {
    const n = s.negativeCache;
    if (n === undefined) return null;
    const rows = [row('absentLookups', fmt(n.lookups)), row('absentDbReads', fmt(n.dbReads))];
    if (sc.cache.negative.mode === 'bloom') {
      rows.push(row('bloomRejects', fmt(n.bloomRejects)));
      rows.push(row('bloomFpRate', `${pct(n.measuredFpRate)} / ${pct(n.expectedFpRate)}`));
    }
    return { title: 'Absent keys', rows };
  },
};
