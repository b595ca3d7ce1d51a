import type { Ctx } from '../../flow/context.ts';
import type { Mechanism } from '../../flow/mechanism.ts';

/**
 * Failure kind `db-latency-spike`: while it lasts, the database's service times are multiplied by its
 * `multiplier` (a slow disk, a lock-heavy migration). Overlapping spikes multiply. The database reads the
 * product as `db.latencyFactor`.
 */

/** Multiplier of each failure in the timeline while it is active (1 when not). */
type SpikeState = Float64Array;

function setSpike(c: Ctx, index: number, multiplier: number): void {
  const active = c.s.mech.latencySpike as SpikeState;
  active[index] = multiplier;
  let f = 1;
  for (let i = 0; i < active.length; i++) f *= active[i]!;
  c.s.db.latencyFactor = f;
}

export const latencySpike: Mechanism<boolean, SpikeState> = {
  name: 'latencySpike',
  reads: ['failures'],
  model: (scenario) => scenario.failures.some((f) => f.kind === 'db-latency-spike'),
  // No reconcile: one factor per failure of the timeline (restart-only), set and cleared by its events.
  state: (m) => new Float64Array(m.scenario.failures.length).fill(1),
  hooks: (on) =>
    on
      ? {
          failure: (c, i) => {
            const f = c.m.scenario.failures[i]!;
            if (f.kind === 'db-latency-spike') setSpike(c, i, f.multiplier);
          },
          recover: (c, i) => {
            if (c.m.scenario.failures[i]!.kind === 'db-latency-spike') setSpike(c, i, 1);
          },
        }
      : {},
};
