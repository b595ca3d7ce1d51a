import { HEADLINE, headlineValues, type HeadlineId } from '../report/headline.ts';
import type { Summary } from '../engine/types.ts';

/**
 * What a sweep keeps of each run, and what it makes of them: the spread over seeds at each value (the
 * band a chart draws) and the CSV a spreadsheet opens.
 */

/** One finished run: the parameter's value, the seed, and the run's headline figures. */
export interface SweepResult {
  value: number;
  seed: number;
  figures: Record<HeadlineId, number>;
}

export const toResult = (value: number, seed: number, summary: Summary): SweepResult => ({
  value,
  seed,
  figures: headlineValues(summary),
});

/** One figure at one value over the seeds that ran there. */
export interface Band {
  value: number;
  mean: number;
  min: number;
  max: number;
  /** Seeds that ran at this value. */
  runs: number;
}

/**
 * The figure's mean, smallest and largest value over the seeds, per value, by increasing value.
 *
 * @example bands(results, 'l2HitRatio')[0] // { value: 1000, mean: 0.41, min: 0.40, max: 0.42, runs: 3 }
 */
export function bands(results: readonly SweepResult[], id: HeadlineId): Band[] {
  const byValue = new Map<number, number[]>();
  for (const r of results) {
    const list = byValue.get(r.value) ?? [];
    list.push(r.figures[id]);
    byValue.set(r.value, list);
  }
  return [...byValue.entries()]
    .sort(([a], [b]) => a - b)
    .map(([value, ys]) => ({
      value,
      mean: ys.reduce((sum, y) => sum + y, 0) / ys.length,
      min: Math.min(...ys),
      max: Math.max(...ys),
      runs: ys.length,
    }));
}

/**
 * One line per run: the parameter's value (the column named by its path), the seed, then every headline
 * figure by id (ratios as fractions, rates per simulated second, latencies in ms), full precision.
 *
 * @example sweepCsv('cache.l2.ttlMs', results).split('\n')[0]
 * // 'cache.l2.ttlMs,seed,requests,l1HitRatio,l2HitRatio,dbReadsPerSec,...'
 */
export function sweepCsv(paramPath: string, results: readonly SweepResult[]): string {
  const header = [paramPath, 'seed', ...HEADLINE.map((f) => f.id)];
  const rows = results.map((r) => [r.value, r.seed, ...HEADLINE.map((f) => r.figures[f.id])].map(String));
  return `${[header, ...rows].map((cells) => cells.join(',')).join('\n')}\n`;
}
