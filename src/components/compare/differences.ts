import type { Summary } from '../../engine/types.ts';
import { HEADLINE, type HeadlineFigure, type HeadlineId } from '../../report/headline.ts';
import { formatCount, formatDuration, formatPercent } from '../format.ts';

/**
 * The A/B difference table's rows: each headline figure for run A, run B and B − A, with whether B did
 * better, worse or the same. Pure, so the numbers are tested without a browser.
 */

export type Verdict = 'better' | 'worse' | 'same';

export interface DifferenceRow {
  id: HeadlineId;
  label: string;
  a: number;
  b: number;
  /** B − A (for a ratio, a difference of fractions: 0.12 is 12 percentage points). */
  delta: number;
  aText: string;
  bText: string;
  deltaText: string;
  /**
   * Whether B did better or worse than A, or the same within `SAME_RATIO_POINTS` / `SAME_RELATIVE`;
   * null for a figure where more is neither better nor worse (requests).
   */
  verdict: Verdict | null;
}

const MINUS = '\u2212';

/** A figure in its unit, as the rest of the app writes it. */
export function formatFigure(f: Pick<HeadlineFigure, 'unit'>, v: number): string {
  switch (f.unit) {
    case 'ratio':
      return formatPercent(v);
    case 'ms':
      return formatDuration(v);
    case 'per-s':
      return `${formatCount(v)}/s`;
    case 'count':
      return formatCount(v);
  }
}

const signed = (text: string, v: number): string => (v > 0 ? `+${text}` : v < 0 ? `${MINUS}${text}` : text);

/** B − A in words: percentage points for ratios, else the change and, when A is not 0, its relative size. */
export function formatDelta(f: Pick<HeadlineFigure, 'unit'>, a: number, b: number): string {
  const d = b - a;
  if (!Number.isFinite(d)) return '—';
  if (f.unit === 'ratio') return `${signed(Math.abs(d * 100).toFixed(1), d)} pp`;
  const abs = formatFigure(f, Math.abs(d));
  if (d === 0 || a === 0) return signed(abs, d);
  const relative = Math.abs(d / a) * 100;
  return `${signed(abs, d)} (${signed(relative >= 10 ? relative.toFixed(0) : relative.toFixed(1), d)} %)`;
}

/**
 * Differences within this much count as the same: half a percentage point of a ratio, 1 % of the larger
 * value otherwise. One seed's noise is not an effect, and a workshop should not be told it is.
 */
export const SAME_RATIO_POINTS = 0.005;
export const SAME_RELATIVE = 0.01;

function verdictOf(f: HeadlineFigure, a: number, b: number): Verdict | null {
  if (f.better === null) return null;
  const delta = b - a;
  const tolerance =
    f.unit === 'ratio' ? SAME_RATIO_POINTS : SAME_RELATIVE * Math.max(Math.abs(a), Math.abs(b));
  if (!Number.isFinite(delta) || Math.abs(delta) <= tolerance) return 'same';
  return delta > 0 === (f.better === 'higher') ? 'better' : 'worse';
}

/**
 * One row per headline figure, in the order of `HEADLINE`.
 *
 * @example differenceRows(stampede, stampedeLock).find((r) => r.id === 'dbReadsPerSec')?.verdict // 'better'
 */
export function differenceRows(a: Summary, b: Summary): DifferenceRow[] {
  return HEADLINE.map((f) => {
    const va = f.get(a);
    const vb = f.get(b);
    const delta = vb - va;
    return {
      id: f.id,
      label: f.label,
      a: va,
      b: vb,
      delta,
      aText: formatFigure(f, va),
      bText: formatFigure(f, vb),
      deltaText: formatDelta(f, va, vb),
      verdict: verdictOf(f, va, vb),
    };
  });
}
