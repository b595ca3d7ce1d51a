import type { Summary } from '../../types.ts';
import { FIGURES, type FigureId } from '../../../labels/figures.ts';
import type { FigureRow, MechanismFigures } from '../../../report/rows.ts';

const row = (id: FigureId, value: string): FigureRow => ({ id, label: FIGURES[id], value });
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const fmt = (n: number): string => int.format(n);

/** Leases (memcache): granted, fills stored and refused, tokens voided by writes, clients told to wait. */
export const leasesFigures: MechanismFigures = {
  name: 'leases',
  sections: (s: Summary) => {
    const l = s.leases;
    if (l === undefined) return null;
    return {
      title: 'Leases',
      rows: [
        row('leasesGranted', fmt(l.granted)),
        row('leaseFills', fmt(l.fills)),
        row('leaseRefusedFills', fmt(l.refusedFills)),
        row('leaseVoided', fmt(l.voided)),
        row('leaseWaits', fmt(l.waits)),
      ],
    };
  },
};
