import type { Scenario, Summary } from '../engine/types.ts';
import type { FigureId } from '../labels/figures.ts';

/** A labelled figure of a run, and a titled group of them (see figures.ts). */
export interface FigureRow {
  /** Which figure the row shows; its label comes from the label map. */
  id: FigureId;
  label: string;
  value: string;
}

export interface FigureSection {
  title: string;
  rows: FigureRow[];
}

/**
 * A mechanism's part of the report: the sections it adds to a run's figures, each shown when the
 * mechanism is on or has counted something (null or none otherwise). Each mechanism keeps it in its
 * folder (src/engine/mechanisms/<name>/figures.ts); src/report/mechanismSections.ts lists them.
 */
export interface MechanismFigures {
  /** The mechanism's name, as in its Mechanism object. */
  name: string;
  sections(s: Summary, sc: Scenario): FigureSection | readonly FigureSection[] | null;
}
