/**
 * What a Summary says about the mechanisms a scenario switched on, as labelled rows: the CLI prints them
 * as a table, the app lists them beside the charts. A section appears when its mechanism is on (so a
 * figure a text tells people to watch is there, at 0, before the moment it moves) or when it has
 * counted something; a plain cache-aside run stays short. Each mechanism's sections live in its folder
 * (src/engine/mechanisms/<name>/figures.ts), listed in mechanismSections.ts; the formats in format.ts.
 */
export type { FigureRow, FigureSection } from './rows.ts';
export { fmtBytes, fmtClock, fmtInt, fmtMs, fmtRatio } from './format.ts';
export { mechanismFigures } from './mechanismSections.ts';
export { alertRows, warmUpEndMs } from '../engine/mechanisms/alerts/figures.ts';
