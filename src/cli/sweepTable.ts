import { HEADLINE, type HeadlineUnit } from '../report/headline.ts';
import { fmtInt, fmtMs, fmtRatio } from '../report/figures.ts';
import { bands, type SweepResult } from '../sweep/results.ts';
import { grid } from './table.ts';

/**
 * The `npm run sweep` table: one row per value, each headline figure averaged over the seeds that ran
 * there (`--csv` gives every run). Pure, so tests need no engine run.
 */

export function fmtFigure(unit: HeadlineUnit, v: number): string {
  switch (unit) {
    case 'ratio':
      return fmtRatio(v);
    case 'ms':
      return fmtMs(v);
    case 'per-s':
    case 'count':
      // Means over seeds are fractional: a decimal only where it is not lost in the noise.
      return Math.abs(v) >= 100 || Number.isInteger(v) ? fmtInt(v) : v.toFixed(1);
  }
}

export function formatSweepTable(
  title: string,
  paramPath: string,
  seeds: readonly number[],
  results: readonly SweepResult[],
): string {
  const columns = HEADLINE.map((f) => ({ f, rows: bands(results, f.id) }));
  const values = columns[0]?.rows.map((b) => b.value) ?? [];
  const body = values.map((value, i) => [
    String(Number(value.toPrecision(6))),
    ...columns.map(({ f, rows }) => fmtFigure(f.unit, rows[i]?.mean ?? NaN)),
  ]);
  const over =
    seeds.length === 1 ? `seed ${seeds[0]}` : `mean over ${seeds.length} seeds: ${seeds.join(', ')}`;
  return [
    `${title}: ${paramPath} over ${values.length} values (${over})`,
    '',
    ...grid([paramPath, ...HEADLINE.map((f) => f.label)], body),
  ].join('\n');
}
