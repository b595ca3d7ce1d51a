import type { Summary } from '../engine/types.ts';
import { figure, type FigureId } from '../labels/figures.ts';

/**
 * The headline figures of a run: the few numbers a workshop compares between two runs (the A/B
 * difference table) and plots against a parameter (sweeps, their CSV). One list, so the compare view,
 * the Sweep tab and `npm run sweep` name and compute each figure the same way.
 */

export type HeadlineId =
  | 'requests'
  | 'l1HitRatio'
  | 'l2HitRatio'
  | 'dbReadsPerSec'
  | 'dbPeakConcurrency'
  | 'p50Ms'
  | 'p99Ms'
  | 'staleReads'
  | 'lostWrites'
  | 'errors';

/** How a figure is written: a count, a 0..1 ratio, a rate per simulated second, or milliseconds. */
export type HeadlineUnit = 'count' | 'ratio' | 'per-s' | 'ms';

export interface HeadlineFigure {
  id: HeadlineId;
  /** Its entry in the label map, which names it on screen. */
  figure: FigureId;
  /** Words for people (table headers, legends, axis titles), from the label map. */
  label: string;
  unit: HeadlineUnit;
  /** Which way is an improvement; null when more or fewer is neither (the number of requests). */
  better: 'higher' | 'lower' | null;
  get(s: Summary): number;
}

/** Reads per simulated second over the whole run. */
const perSecond = (count: number, durationMs: number): number =>
  durationMs > 0 ? count / (durationMs / 1000) : 0;

const headline = (
  id: HeadlineId,
  fig: FigureId,
  unit: HeadlineUnit,
  better: HeadlineFigure['better'],
  get: (s: Summary) => number,
): HeadlineFigure => ({ id, figure: fig, label: figure(fig), unit, better, get });

export const HEADLINE: readonly HeadlineFigure[] = [
  headline('requests', 'requests', 'count', null, (s) => s.requests),
  headline('l1HitRatio', 'l1HitRatio', 'ratio', 'higher', (s) => s.l1.hitRatio),
  headline('l2HitRatio', 'l2HitRatio', 'ratio', 'higher', (s) => s.l2.hitRatio),
  headline('dbReadsPerSec', 'dbReadsPerSecond', 'per-s', 'lower', (s) => perSecond(s.db.reads, s.durationMs)),
  headline('dbPeakConcurrency', 'dbPeak', 'count', 'lower', (s) => s.db.peakConcurrency),
  headline('p50Ms', 'p50Latency', 'ms', 'lower', (s) => s.latencyMs.p50),
  headline('p99Ms', 'p99Latency', 'ms', 'lower', (s) => s.latencyMs.p99),
  headline('staleReads', 'staleReads', 'count', 'lower', (s) => s.staleReads),
  headline('lostWrites', 'lostWrites', 'count', 'lower', (s) => s.lostWrites),
  headline('errors', 'errors', 'count', 'lower', (s) => s.errors),
];

/** The figure with this id (ids come from code or a checked list, so a miss is a bug). */
export function headlineFigure(id: HeadlineId): HeadlineFigure {
  const figure = HEADLINE.find((f) => f.id === id);
  if (!figure) throw new Error(`unknown headline figure ${id}`);
  return figure;
}

export const isHeadlineId = (id: string): id is HeadlineId => HEADLINE.some((f) => f.id === id);

/**
 * Every headline figure of a run, by id: what a sweep keeps of each point (a Summary with its time
 * series is far larger than these ten numbers).
 *
 * @example headlineValues(summary).l2HitRatio // 0.547
 */
export function headlineValues(s: Summary): Record<HeadlineId, number> {
  const out = {} as Record<HeadlineId, number>;
  for (const f of HEADLINE) out[f.id] = f.get(s);
  return out;
}
