import type { Scenario, Summary } from '../../types.ts';
import { fmtInt, row } from '../../../report/format.ts';
import type { MechanismFigures } from '../../../report/rows.ts';

/** What a memory or key limit on the shards costs: keys evicted to make room, SETs refused. */
export const redisOpsFigures: MechanismFigures = {
  name: 'redisOps',
  sections: (s: Summary, sc: Scenario) => {
    const evicted = s.shards.reduce((n, sh) => n + sh.evictions, 0);
    const limited = sc.cache.l2.maxMemoryBytes !== null || sc.cache.l2.maxKeys !== null;
    if (!limited && evicted + s.rejectedWrites === 0) return null;
    return {
      title: 'Redis memory',
      rows: [row('evictions', fmtInt(evicted)), row('rejectedWrites', fmtInt(s.rejectedWrites))],
    };
  },
};
