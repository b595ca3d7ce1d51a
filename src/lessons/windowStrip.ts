import type { Summary } from '../engine/types.ts';
import { OUTCOME_COLORS } from '../render/palette.ts';
import { FIGURE_DEFS, formatFigure, type LessonFigureId, type MeasureWindow } from './figures.ts';
import { measureWindow, type CheckRun } from './runner.ts';

/**
 * The metrics strip of a checked step: the strip's usual figures, and every figure the step's answer
 * and explanation name, all read over the window the answer was measured in, so the strip and the
 * explanation quote one number for one thing. Each is written exactly as the explanation writes it.
 */

export interface WindowFigure {
  id: LessonFigureId;
  label: string;
  value: string;
  /** The step's answer or explanation names it (the presenter view shows only these). */
  named: boolean;
  color?: string;
}

const COLORS: Partial<Record<LessonFigureId, string>> = {
  cdnHitRatio: OUTCOME_COLORS['cdn-hit'],
  l1HitRatio: OUTCOME_COLORS['l1-hit'],
  l2HitRatio: OUTCOME_COLORS['l2-hit'],
  dbQueriesPerSecond: OUTCOME_COLORS.db,
  staleReads: OUTCOME_COLORS.stale,
};

/** Lookups a layer saw within the window. */
const lookups = (w: MeasureWindow, layer: (s: Summary) => { hits: number; misses: number }): number =>
  layer(w.end).hits + layer(w.end).misses - layer(w.start).hits - layer(w.start).misses;

/** The strip's figures for a window: the usual ones (a layer when it saw lookups), then the step's. */
export function stripFigureIds(run: CheckRun, w: MeasureWindow): LessonFigureId[] {
  const sc = run.scenario;
  const ids: LessonFigureId[] = ['requests'];
  if (sc.topology.cdn || lookups(w, (s) => s.cdn) > 0) ids.push('cdnHitRatio');
  if (lookups(w, (s) => s.l1) > 0) ids.push('l1HitRatio');
  ids.push('l2HitRatio', 'dbQueriesPerSecond', 'p99Peak', 'staleReads', 'errors');
  if (sc.cache.strategy === 'write-behind' || w.end.lostWrites > 0) ids.push('lostWrites');
  if (sc.topology.cdn && sc.cdn.routes.some((r) => r.personalised)) ids.push('dataLeaked');
  for (const id of run.figures) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/** The checked step's strip, from the summaries its check read. */
export function windowStrip(run: CheckRun, readings: readonly Summary[]): WindowFigure[] {
  const w = measureWindow(run, readings);
  return stripFigureIds(run, w).map((id) => {
    const figure = {
      id,
      label: FIGURE_DEFS[id].label,
      value: formatFigure(id, FIGURE_DEFS[id].read(w)),
      named: run.figures.includes(id),
    };
    const color = COLORS[id];
    return color === undefined ? figure : { ...figure, color };
  });
}
