/**
 * Every prediction of every lesson, run on the engine: the answer key must follow from the run, never
 * from the text. For each step with a prediction this runs its scenario headless (as the worker does
 * for "Check prediction") and checks that
 * - the figure was measured (a finite number, or a label for "which alert"),
 * - a multiple-choice question has exactly one option that matches the measurement, and judging that
 *   option says it is right while every other option is judged wrong,
 * - a number question judges the measured value itself as a close guess,
 * - the reveal names only figures the run measured, and its filled text quotes exactly those values.
 */
import { describe, expect, it } from 'vitest';
import { lessons } from '../../src/lessons/curriculum/index.ts';
import { figureDef, formatFigure } from '../../src/lessons/figures.ts';
import { measureCheck } from '../../src/lessons/measureRun.ts';
import {
  checkRun,
  fillTemplate,
  inGuessUnit,
  judge,
  matchingOptions,
  placeholders,
} from '../../src/lessons/runner.ts';

/** "1 keys", "1 database queries": a one followed by a plural noun (units such as "1 ms" aside). */
const ONE_PLURAL = /(?<![\w.,])1 (?!ms\b)(database )?[a-z]+s\b/i;

const cases = lessons.flatMap((lesson) =>
  lesson.steps.flatMap((step, index) =>
    step.prediction ? [{ name: `${lesson.id} step ${index + 1}`, lesson, index, p: step.prediction }] : [],
  ),
);

describe('lesson answer keys, measured by the engine', () => {
  it('catches a one with a plural', () => {
    expect('1 keys were evicted').toMatch(ONE_PLURAL);
    expect('Measured: 1 database queries per expiry.').toMatch(ONE_PLURAL);
    expect('1 key was evicted in 1 ms, 21 keys in 11 s').not.toMatch(ONE_PLURAL);
  });

  it('has predictions in every lesson', () => {
    for (const lesson of lessons)
      expect(
        lesson.steps.some((s) => s.prediction),
        lesson.id,
      ).toBe(true);
  });

  it.each(cases)('$name', ({ lesson, index, p }) => {
    const run = checkRun(lesson, index)!;
    const values = measureCheck(run);
    const value = values[p.figure];
    if (figureDef(p.figure).kind === 'label') expect(typeof value).toBe('string');
    else expect(Number.isFinite(value), `${p.figure} = ${value}`).toBe(true);

    if (p.kind === 'choice') {
      const right = matchingOptions(p, value!);
      expect(right, `options matching ${p.figure} = ${value}`).toHaveLength(1);
      p.options.forEach((_, i) => {
        expect(judge(p, { option: i }, values).correct).toBe(i === right[0]);
      });
    } else {
      const exact = inGuessUnit(p.figure, value as number);
      const result = judge(p, { value: exact }, values);
      expect(result.correct).toBe(true);
      expect(result.sentence).toContain(formatFigure(p.figure, value!));
    }

    // Every figure the reveal names was measured by this run, and appears in the text as measured.
    const named = placeholders(p.reveal);
    expect(named.unknown).toEqual([]);
    const filled = fillTemplate(p.reveal, values);
    expect(filled).not.toMatch(/[{}]/);
    for (const id of named.figures) {
      const v = values[id];
      expect(v, id).toBeDefined();
      if (typeof v === 'number') expect(Number.isFinite(v), `${id} = ${v}`).toBe(true);
      expect(filled).toContain(formatFigure(id, v!));
    }

    // One of a thing is singular, in the explanation and in the measured sentence.
    const said = judge(p, p.kind === 'choice' ? { option: 0 } : { value: 1 }, values).sentence;
    for (const text of [filled, said]) expect(text).not.toMatch(ONE_PLURAL);
  });
});
