import { format } from 'd3-format';

/**
 * Number formatting shared by the config panel, the charts and the inspector, so a value reads the same
 * everywhere (a TTL of 60000 is "1 min" in the slider, on a chart axis and in the key inspector).
 */

const sig3 = format('.3~r');
const si = format('.3~s');
const grouped = format(',~r');
const pct = format('.0%');
const pct1 = format('.1%');

/** Milliseconds as the largest sensible unit: "0.25 ms", "1.5 s", "10 min", "24 h". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const abs = Math.abs(ms);
  if (abs < 1000) return `${sig3(ms)} ms`;
  if (abs < 60_000) return `${sig3(ms / 1000)} s`;
  if (abs < 3_600_000) return `${sig3(ms / 60_000)} min`;
  return `${sig3(ms / 3_600_000)} h`;
}

/** Counts: exact with separators below 100 000, SI-abbreviated above ("2.5M"), as wide ranges are. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (Math.abs(n) < 100_000) return grouped(Math.round(n * 100) / 100);
  // d3 uses "G" for giga; "B" is what people expect for billions of requests.
  return si(n).replace('G', 'B');
}

/**
 * A 0..1 ratio as a percentage, "68 %" (a space before the sign, as everywhere on screen); one decimal
 * below 10 % where small differences matter.
 */
export function formatPercent(r: number): string {
  if (!Number.isFinite(r)) return '—';
  return (r < 0.1 && r > 0 ? pct1(r) : pct(r)).replace('%', ' %');
}

export type Unit = 'ms' | 'per-s' | 'ratio' | 'keys' | 'count' | 'none';

/** A value in its unit, for the label beside a control. */
export function formatValue(unit: Unit, n: number): string {
  switch (unit) {
    case 'ms':
      return formatDuration(n);
    case 'per-s':
      return `${formatCount(n)}/s`;
    case 'ratio':
      return formatPercent(n);
    case 'keys':
      return `${formatCount(n)} keys`;
    case 'count':
      return formatCount(n);
    case 'none':
      return sig3(n);
  }
}

/** The unit as typed into a number input, for its accessible name ("L2 TTL (ms)"). */
export function unitSuffix(unit: Unit): string {
  switch (unit) {
    case 'ms':
      return ' (ms)';
    case 'per-s':
      return ' (per second)';
    case 'ratio':
      return ' (0 to 1)';
    default:
      return '';
  }
}

// Node names live with the other labels (src/labels/names.ts); re-exported for code written before.
export { nodeLabel, shortNodeLabel } from '../labels/names.ts';
