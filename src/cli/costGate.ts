import { COST_BUDGET, estimateCost } from '../engine/index.ts';
import type { RunOptions, Scenario } from '../engine/types.ts';

/**
 * Null when the run may go ahead; else why not, in one line. A scenario estimated above the budget
 * needs `--force`: a typo in a rate or a duration should not tie up a terminal for an hour.
 */
export function costGate(scenario: Scenario, options: RunOptions, force: boolean): string | null {
  const cost = estimateCost({ ...scenario, durationMs: options.durationMs ?? scenario.durationMs });
  if (!cost.overBudget || force) return null;
  const millions = (n: number) => `${Math.round(n / 1e6).toLocaleString('en-US')} million`;
  return (
    `this run is estimated at ${millions(cost.work)} events (budget ${millions(COST_BUDGET)}, about a ` +
    'minute here); add --force to run it anyway, or shorten it with --duration-ms'
  );
}
