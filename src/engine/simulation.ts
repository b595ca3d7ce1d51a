import { createRun } from './flow/simulation.ts';
import { PLAN } from './registry.ts';
import type { RunOptions, Scenario, Simulation } from './types.ts';

/**
 * Creates a simulation to step through, with every registered mechanism. Same scenario and seed, same
 * run, event for event. The scenario's `changes` are applied at their times, exactly as if they had been
 * made live (a change `validateChange` refuses throws here, with its message).
 *
 * @example
 * const sim = createSimulation(getPreset('baseline'), { trace: true });
 * sim.runUntil(1000);
 * const hops = sim.drainHops();
 */
export function createSimulation(scenario: Scenario, options: RunOptions = {}): Simulation {
  return createRun(scenario, options, PLAN) as Simulation;
}
