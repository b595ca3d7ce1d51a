import { summariesAt } from '../engine/index.ts';
import { checkTimes, measureFigures, type CheckRun, type FigureValues } from './runner.ts';

/**
 * The figures a check needs, measured by one headless run of its scenario read at `checkTimes(run)`:
 * what the engine's worker gives the app for "Check prediction", computed here directly (tests).
 */
export function measureCheck(run: CheckRun): FigureValues {
  return measureFigures(run, summariesAt(run.scenario, checkTimes(run)));
}
