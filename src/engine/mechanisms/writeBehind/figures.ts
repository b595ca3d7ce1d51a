import type { Summary } from '../../types.ts';
import { fmtInt, fmtMs, pair, row } from '../../../report/format.ts';
import type { MechanismFigures } from '../../../report/rows.ts';

/** Writes acknowledged, flushed and lost, the queue and how far the database lagged. */
export const writeBehindFigures: MechanismFigures = {
  name: 'writeBehind',
  sections: (s: Summary) => {
    const wb = s.writeBehind;
    if (!wb) return null;
    return {
      title: 'Write-behind',
      rows: [
        row('writesAcknowledged', fmtInt(wb.acknowledged)),
        row('writesFlushed', fmtInt(wb.flushedRows)),
        row('writesLost', fmtInt(wb.lostWrites)),
        row('batches', pair(wb.batches, wb.pendingAtEnd)),
        row('maxQueueDepth', fmtInt(wb.maxQueueDepth)),
        row('dbLag', `${fmtMs(wb.maxDbLagMs)} / ${fmtMs(wb.meanDbLagMs)}`),
        row('dbRegressions', fmtInt(wb.dbRegressions)),
      ],
    };
  },
};
