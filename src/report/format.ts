import { FIGURES, type FigureId } from '../labels/figures.ts';
import type { FigureRow } from './rows.ts';

/**
 * How the report writes a run's figures: numbers, durations, ratios and bytes, and a labelled row. The
 * mechanisms' Summary sections (src/engine/mechanisms/<name>/figures.ts), the CLI table and the app share
 * them, so a figure reads the same everywhere.
 */

/** A row of figure `id` under its label (labels/figures.ts). */
export const row = (id: FigureId, value: string): FigureRow => ({ id, label: FIGURES[id], value });

const intFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1234567 -> "1,234,567"; not-a-number (an empty run) -> "-". */
export const fmtInt = (n: number): string => (Number.isFinite(n) ? intFmt.format(n) : '-');

/** Milliseconds with precision where it matters: 0.01234 -> "0.012 ms", 12.345 -> "12.35 ms". */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms >= 1000) return `${fmtInt(ms)} ms`;
  return `${Number(ms.toFixed(ms >= 10 ? 2 : 3))} ms`;
}

/** A ratio in [0, 1] as a percentage; "-" when nothing was counted. */
export const fmtRatio = (r: number): string => (Number.isFinite(r) ? `${(r * 100).toFixed(1)} %` : '-');

/** Bytes in binary units: 1536 -> "1.5 KiB". */
export function fmtBytes(b: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = b;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}

/** A ratio as a whole percentage: 0.756 -> "76 %". */
export const pct0 = (r: number): string => (Number.isFinite(r) ? `${Math.round(r * 100)} %` : '-');

/** Two counts as one figure: "1,200 / 3". */
export const pair = (a: number, b: number): string => `${fmtInt(a)} / ${fmtInt(b)}`;

const clockFmt = new Intl.NumberFormat('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });

/** Simulated time as the timeline's clock writes it: 1000 -> "1.000 s". */
export const fmtClock = (ms: number): string =>
  Number.isFinite(ms) ? `${clockFmt.format(ms / 1000)} s` : '-';
