import type { Summary } from '../engine/types.ts';

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
  /** Words for people (table headers, legends, axis titles). */
  label: string;
  /** A column header where space is short (the CLI's sweep table). */
  short: string;
  unit: HeadlineUnit;
  /** Which way is an improvement; null when more or fewer is neither (the number of requests). */
  better: 'higher' | 'lower' | null;
  get(s: Summary): number;
}

/** Reads per simulated second over the whole run. */
const perSecond = (count: number, durationMs: number): number =>
  durationMs > 0 ? count / (durationMs / 1000) : 0;

// One line per figure, so the list reads as a table: keep prettier from spreading them out.
// prettier-ignore
export const HEADLINE: readonly HeadlineFigure[] = [
  { id: 'requests', label: 'Requests', short: 'requests', unit: 'count', better: null, get: (s) => s.requests },
  { id: 'l1HitRatio', label: 'L1 hit ratio', short: 'L1 hit', unit: 'ratio', better: 'higher', get: (s) => s.l1.hitRatio },
  { id: 'l2HitRatio', label: 'L2 hit ratio', short: 'L2 hit', unit: 'ratio', better: 'higher', get: (s) => s.l2.hitRatio },
  { id: 'dbReadsPerSec', label: 'Database reads/s', short: 'DB reads/s', unit: 'per-s', better: 'lower', get: (s) => perSecond(s.db.reads, s.durationMs) },
  { id: 'dbPeakConcurrency', label: 'Database peak concurrency', short: 'DB peak', unit: 'count', better: 'lower', get: (s) => s.db.peakConcurrency },
  { id: 'p50Ms', label: 'p50 latency', short: 'p50', unit: 'ms', better: 'lower', get: (s) => s.latencyMs.p50 },
  { id: 'p99Ms', label: 'p99 latency', short: 'p99', unit: 'ms', better: 'lower', get: (s) => s.latencyMs.p99 },
  { id: 'staleReads', label: 'Stale reads', short: 'stale', unit: 'count', better: 'lower', get: (s) => s.staleReads },
  { id: 'lostWrites', label: 'Lost writes', short: 'lost', unit: 'count', better: 'lower', get: (s) => s.lostWrites },
  { id: 'errors', label: 'Errors', short: 'errors', unit: 'count', better: 'lower', get: (s) => s.errors },
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
