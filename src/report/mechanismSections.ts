import type { Scenario, Summary } from '../engine/types.ts';
import { alertsFigures } from '../engine/mechanisms/alerts/figures.ts';
import { cdcFigures } from '../engine/mechanisms/cdc/figures.ts';
import { cdnFigures } from '../engine/mechanisms/cdn/figures.ts';
import { failuresFigures } from '../engine/mechanisms/failures/figures.ts';
import { familiesFigures } from '../engine/mechanisms/families/figures.ts';
import { leasesFigures } from '../engine/mechanisms/leases/figures.ts';
import { negativeCacheFigures } from '../engine/mechanisms/negativeCache/figures.ts';
import { overloadFigures } from '../engine/mechanisms/overload/figures.ts';
import { queryCacheFigures } from '../engine/mechanisms/queryCache/figures.ts';
import { redisOpsFigures } from '../engine/mechanisms/redisOps/figures.ts';
import { replayFigures } from '../engine/mechanisms/replay/figures.ts';
import { trackingFigures } from '../engine/mechanisms/tracking/figures.ts';
import { staleWindowsFigures } from '../engine/mechanisms/staleWindows/figures.ts';
import { stampedeFigures } from '../engine/mechanisms/stampede/figures.ts';
import { writeBehindFigures } from '../engine/mechanisms/writeBehind/figures.ts';
import type { FigureSection, MechanismFigures } from './rows.ts';

/**
 * Each mechanism's part of the run figures (its `figures.ts`), in the order the sections print. Kept
 * apart from the engine's registry (src/engine/registry.ts) so the app's main bundle and the CLI table
 * get the labels without the engine, and the engine's worker without the labels. Alerts stay last; a new
 * mechanism's section goes before them (it shows only when the mechanism is on, so older runs print as
 * before). test/report/mechanismSections.test.ts checks every name is one of the registry's.
 */
export const MECHANISM_FIGURES: readonly MechanismFigures[] = [
  overloadFigures,
  failuresFigures,
  redisOpsFigures,
  writeBehindFigures,
  cdcFigures,
  cdnFigures,
  queryCacheFigures,
  stampedeFigures,
  leasesFigures,
  negativeCacheFigures,
  trackingFigures,
  staleWindowsFigures,
  familiesFigures,
  replayFigures,
  alertsFigures,
];

/**
 * The sections for the mechanisms that are on, then the alerts.
 *
 * @example
 * for (const { title, rows } of mechanismFigures(summary, scenario)) console.log(title, rows);
 */
export function mechanismFigures(s: Summary, scenario: Scenario): FigureSection[] {
  const out: FigureSection[] = [];
  for (const m of MECHANISM_FIGURES) {
    const part = m.sections(s, scenario);
    if (part === null) continue;
    if (Array.isArray(part)) out.push(...(part as readonly FigureSection[]));
    else out.push(part as FigureSection);
  }
  return out;
}
