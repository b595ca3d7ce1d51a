import type { Scenario, Summary } from '../../types.ts';
import { fmtInt, row } from '../../../report/format.ts';
import type { MechanismFigures } from '../../../report/rows.ts';

/** The failures of the timeline: outages and restarts, and what Redis being away cost. */
export const failuresFigures: MechanismFigures = {
  name: 'failures',
  sections: (s: Summary, sc: Scenario) => {
    const counted = s.redisErrors + s.redisFallbacks + s.shardCrashes + s.instanceRestarts;
    if (sc.failures.length === 0 && counted === 0) return null;
    return {
      title: 'Failures',
      rows: [
        row('shardOutages', fmtInt(s.shardCrashes)),
        row('instanceRestarts', fmtInt(s.instanceRestarts)),
        row('redisErrors', fmtInt(s.redisErrors)),
        row('redisFallbacks', fmtInt(s.redisFallbacks)),
        row('keysLostOnRestart', fmtInt(s.keysLostOnRestart)),
      ],
    };
  },
};
