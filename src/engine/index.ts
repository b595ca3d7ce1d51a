/**
 * Cachescope's engine: a pure, deterministic discrete-event simulation of clients, app instances
 * with L1 caches, a sharded Redis cluster and a database.
 */
import { createSimulation } from './sim/simulation.ts';
import type { RunOptions, Scenario, Summary } from './types.ts';

export { createSimulation };
export { keySlot, slotRanges } from './redis/keySlot.ts';
export { keyName } from './sim/model.ts';
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
