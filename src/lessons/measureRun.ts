import { createSimulation } from '../engine/index.ts';
import type { SimMs, Summary } from '../engine/types.ts';
import type { Scenario } from '../scenario/schema.ts';
import { checkTimes, measureFigures, type CheckRun, type FigureValues } from './runner.ts';

/**
 * Runs a scenario headless (untraced) and reads its Summary at each of `times`, in order: the
 * figures the app would show with the playhead there. The engine's worker answers "Check prediction"
 * with it, and the lesson tests call it directly; both get the same numbers.
 *
 * @example
 * const [atFive, atTen] = summariesAt(getPreset('stampede')!, [5000, 10_000]);
 */
export function summariesAt(scenario: Scenario, times: readonly SimMs[]): Summary[] {
  const sim = createSimulation(scenario, { trace: false });
  return times.map((t) => {
    sim.runUntil(t);
    // A copy: the run goes on after this reading.
    return structuredClone(sim.summary());
  });
}

/** The figures a check needs, measured by one run of its scenario read at `checkTimes(run)`. */
export function measureCheck(run: CheckRun): FigureValues {
  return measureFigures(run, summariesAt(run.scenario, checkTimes(run)));
}
