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
