import type { Scenario, Summary } from '../../engine/types.ts';
import type { FigureId } from '../../labels/figures.ts';
import { mechanismFigures } from '../../report/figures.ts';
import { chartFigures } from '../charts/ChartsPanel.tsx';
import { stageFigures, stripItems } from './stripItems.ts';

/**
 * Every figure the app shows for a scenario and its (possibly partial) summary: the metrics strip,
 * the stage's cards, the charts and the run figures, each from the list its component renders. The
 * texts test checks every figure a preset tells people to watch against this, so they cannot drift.
 */
export function shownFigures(sc: Scenario, s: Summary): Set<FigureId> {
  const ids = new Set<FigureId>(stripItems(sc, s).map((i) => i.id));
  for (const c of chartFigures()) ids.add(c);
  for (const section of mechanismFigures(s, sc)) for (const r of section.rows) ids.add(r.id);
  for (const f of stageFigures(sc)) ids.add(f);
  return ids;
}
