import type { Summary } from '../../types.ts';
import { fmtInt, fmtMs, pair, row } from '../../../report/format.ts';
import type { FigureSection, MechanismFigures } from '../../../report/rows.ts';
import type { StaleTierSummary } from './index.ts';

const secs = (ms: number): string => `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 2)} s`;
const past = (t: StaleTierSummary): string => `${fmtMs(t.meanPastTtlMs)} mean / ${fmtMs(t.maxPastTtlMs)} max`;
const windows = (t: StaleTierSummary): string =>
  `stale-while-revalidate ${secs(t.whileRevalidateMs)}, stale-if-error ${secs(t.ifErrorMs)}`;

/** stale-while-revalidate and stale-if-error in the L1 and in Redis (`Summary.staleWindows`), per tier set. */
export const staleWindowsFigures: MechanismFigures = {
  name: 'staleWindows',
  sections: (s: Summary) => {
    const w = s.staleWindows;
    if (w === undefined) return null;
    const out: FigureSection[] = [];
    const { l1, l2 } = w;
    if (l1.whileRevalidateMs > 0 || l1.ifErrorMs > 0) {
      out.push({
        title: `L1 stale windows (${windows(l1)})`,
        rows: [
          row('staleL1WhileRevalidating', fmtInt(l1.servedWhileRevalidating)),
          row('staleL1IfError', fmtInt(l1.servedIfError)),
          row('staleL1Refreshes', pair(l1.revalidations, l1.revalidationErrors)),
          row('staleL1PastTtl', past(l1)),
        ],
      });
    }
    if (l2.whileRevalidateMs > 0 || l2.ifErrorMs > 0) {
      out.push({
        title: `Redis stale windows (${windows(l2)})`,
        rows: [
          row('staleL2WhileRevalidating', fmtInt(l2.servedWhileRevalidating)),
          row('staleL2IfError', fmtInt(l2.servedIfError)),
          row('staleL2Refreshes', pair(l2.revalidations, l2.revalidationErrors)),
          row('staleL2PastTtl', past(l2)),
        ],
      });
    }
    return out.length === 0 ? null : out;
  },
};
