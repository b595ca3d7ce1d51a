import type { Scenario, Summary } from '../engine/types.ts';
import { FIGURES, type FigureId } from '../labels/figures.ts';
import type { FigureRow, FigureSection } from './rows.ts';

/** The run figures of the two guards of the database's reads: leases and negative caching. */

const row = (id: FigureId, value: string): FigureRow => ({ id, label: FIGURES[id], value });
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const fmt = (n: number): string => int.format(n);
const pct = (r: number): string => `${(r * 100).toFixed(2)} %`;

/** Leases (memcache): granted, fills stored and refused, tokens voided by writes, clients told to wait. */
function leases(s: Summary): FigureSection | null {
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
}

/** Reads of absent keys, and what negative caching or the Bloom filter made of them. */
function negative(s: Summary, sc: Scenario): FigureSection | null {
  const n = s.negativeCache;
  if (n === undefined) return null;
  const rows = [row('absentLookups', fmt(n.lookups)), row('absentDbReads', fmt(n.dbReads))];
  if (sc.cache.negative.mode === 'bloom') {
    rows.push(row('bloomRejects', fmt(n.bloomRejects)));
    rows.push(row('bloomFpRate', `${pct(n.measuredFpRate)} / ${pct(n.expectedFpRate)}`));
  }
  return { title: 'Absent keys', rows };
}

/**
 * The sections of the read guards a scenario has on.
 *
 * @example
 * readGuardFigures(summary, scenario); // [{ title: 'Leases', rows: [...] }]
 */
export function readGuardFigures(s: Summary, sc: Scenario): FigureSection[] {
  return [leases(s), negative(s, sc)].filter((x): x is FigureSection => x !== null);
}
