/**
 * Cachescope's engine: a pure, deterministic discrete-event simulation of clients, app instances
 * with L1 caches, a sharded Redis cluster and a database.
 */
import { createSimulation } from './simulation.ts';
import type { RunOptions, Scenario, SimMs, Summary } from './types.ts';

export { createSimulation };
export { keySlot, slotRanges } from './redis/keySlot.ts';
export { keyName } from './flow/keyspace.ts';
export { COST_BUDGET, estimateCost, type CostEstimate } from './cost.ts';
export type * from './types.ts';

/**
 * Runs a scenario to its end, headless, and returns its Summary.
 *
 * @example
 * const summary = runScenario(getPreset('baseline'), { seed: 7, durationMs: 10_000 });
 * console.log(summary.l2.hitRatio);
 */
export function runScenario(scenario: Scenario, options: RunOptions = {}): Summary {
  const sim = createSimulation(scenario, { ...options, trace: options.trace ?? false });
  sim.runUntil(Infinity);
  return sim.summary();
}

/**
 * Runs a scenario headless (untraced) and reads its Summary at each of `times`, in order: the figures
 * the app would show with the playhead there. A lesson's check is answered with it.
 *
 * @example
 * const [atFive, atTen] = summariesAt(getPreset('stampede'), [5000, 10_000]);
 * console.log(atTen.db.reads - atFive.db.reads); // database reads between 5 s and 10 s
 */
export function summariesAt(scenario: Scenario, times: readonly SimMs[]): Summary[] {
  const sim = createSimulation(scenario, { trace: false });
  return times.map((t) => {
    sim.runUntil(t);
    // A copy: the run goes on after this reading.
    return structuredClone(sim.summary());
  });
}
