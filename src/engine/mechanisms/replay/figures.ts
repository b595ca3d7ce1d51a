import type { Summary } from '../../types.ts';
import { fmtInt, pair, row } from '../../../report/format.ts';
import type { MechanismFigures } from '../../../report/rows.ts';

/** A cache trace replayed as the workload: which, how fast, how much of it was made by the end. */
export const replayFigures: MechanismFigures = {
  name: 'replay',
  sections: (s: Summary) => {
    const r = s.replay;
    if (r === undefined) return null;
    return {
      title: 'Trace replay',
      rows: [
        row('replayTrace', r.trace),
        row('replayTimeScale', `${r.timeScale}x`),
        row('replayRequests', pair(r.made, r.traceRequests)),
        row('replayDeletes', fmtInt(r.deletes)),
      ],
    };
  },
};
