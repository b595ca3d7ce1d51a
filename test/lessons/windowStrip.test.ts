/**
 * The metrics strip of a checked step: the usual figures and every figure the step names, over the
 * step's window, each written exactly as the explanation writes it; running maxima only where the
 * window decides them.
 */
import { describe, expect, it } from 'vitest';
import { summariesAt } from '../../src/engine/index.ts';
import { getLesson } from '../../src/lessons/curriculum/index.ts';
import { FIGURE_DEFS, formatFigure, type MeasureWindow } from '../../src/lessons/figures.ts';
import { checkRun, checkTimes, measureFigures } from '../../src/lessons/runner.ts';
import { windowSpan } from '../../src/lessons/span.ts';
import { windowStrip } from '../../src/lessons/windowStrip.ts';

describe('the window strip', () => {
  it('shows every figure the step names, as its explanation writes it', () => {
    const lesson = getLesson('stampede')!;
    const run = checkRun(lesson, 0)!;
    const readings = summariesAt(run.scenario, checkTimes(run));
    const values = measureFigures(run, readings);
    const strip = windowStrip(run, readings);
    const ids = strip.map((f) => f.id);
    expect(ids.slice(0, 3)).toEqual(['requests', 'l2HitRatio', 'dbQueriesPerSecond']);
    for (const id of run.figures) {
      expect(strip.find((f) => f.id === id)?.value, id).toBe(formatFigure(id, values[id]!));
    }
    // Counted over the window, not the run: the requests between its two readings.
    const [, start, end] = readings;
    expect(strip.find((f) => f.id === 'requests')?.value).toBe(
      formatFigure('requests', end!.requests - start!.requests),
    );
  });

  it('labels the window in seconds', () => {
    expect(windowSpan(60_000, 72_000)).toBe('60-72 s');
    expect(windowSpan(10_500, 12_500)).toBe('10.5-12.5 s');
  });

  it('reads a running maximum only where the window decides it', () => {
    const at = (maxStaleAgeMs: number, staleReads: number) =>
      ({ maxStaleAgeMs, staleReads }) as unknown as MeasureWindow['start'];
    const w = (fromMs: number, a: MeasureWindow['start'], b: MeasureWindow['start']): MeasureWindow => ({
      fromMs,
      untilMs: fromMs + 10_000,
      start: a,
      end: b,
      prior: null,
    });
    const read = FIGURE_DEFS.maxStaleAge.read;
    expect(read(w(10_000, at(500, 3), at(900, 5)))).toBe(900);
    expect(read(w(0, at(0, 0), at(900, 5)))).toBe(900);
    expect(read(w(10_000, at(900, 3), at(900, 3)))).toBe(0);
    expect(read(w(10_000, at(900, 3), at(900, 5)))).toBeNaN();
  });
});
