import type { Summary } from '../../types.ts';
import { fmtMs, pair, row } from '../../../report/format.ts';
import type { MechanismFigures } from '../../../report/rows.ts';

/** The change stream: events published and processed, the broker's backlog, the consumer's lag. */
export const cdcFigures: MechanismFigures = {
  name: 'cdc',
  sections: (s: Summary) => {
    const cdc = s.cdc;
    if (!cdc) return null;
    return {
      title: 'CDC invalidation',
      rows: [
        row('cdcEvents', pair(cdc.published, cdc.processed)),
        row('cdcBacklog', pair(cdc.maxBacklog, cdc.backlogAtEnd)),
        row('cdcLag', `${fmtMs(cdc.meanConsumerLagMs)} / ${fmtMs(cdc.maxConsumerLagMs)}`),
      ],
    };
  },
};
