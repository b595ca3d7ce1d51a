import type { Scenario, Summary } from '../../types.ts';
import { fmtInt, pair, row } from '../../../report/format.ts';
import type { MechanismFigures } from '../../../report/rows.ts';

/** What overload cost the clients: timeouts and retries, queries and commands given up on. */
export const overloadFigures: MechanismFigures = {
  name: 'overload',
  sections: (s: Summary, sc: Scenario) => {
    const o = s.overload;
    const counted = o.timeouts + o.retries + o.acquireTimeouts + o.dbQueueRejections + o.redisQueueRejections;
    if (sc.workload.client.timeoutMs === null && counted === 0) return null;
    return {
      title: 'Overload',
      rows: [
        row('clientTimeouts', pair(o.timeouts, o.retries)),
        row('acquireTimeouts', pair(o.acquireTimeouts, o.dbQueueRejections)),
        row('redisQueueRejections', fmtInt(o.redisQueueRejections)),
        row('errorsSeen', `${fmtInt(s.errors)} of ${fmtInt(s.requests)} requests`),
      ],
    };
  },
};
