/**
 * The curriculum's shape and its words: at least twelve lessons in the article's order, each with a
 * scenario that parses and 2 to 6 steps whose times, windows and figures make sense; and no text that
 * states a number the scenario does not set. A figure the run produces may only appear in a reveal, as
 * a placeholder the engine fills in (see answers.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { fieldFor } from '../../src/components/config/fields.ts';
import { COST_BUDGET, estimateCost } from '../../src/engine/cost.ts';
import { FAILURE_LABELS, optionLabel } from '../../src/labels/options.ts';
import { getLesson, lessons } from '../../src/lessons/curriculum/index.ts';
import { figureDef } from '../../src/lessons/figures.ts';
import { placeholders, stepScenario } from '../../src/lessons/runner.ts';
import type { ChoiceOption, Lesson } from '../../src/lessons/types.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { badNodeNames, rawNames, unlabelledSettings } from '../labels/screenText.ts';

/** Every number a scenario sets (strings such as Cache-Control headers included), and its usual forms. */
function scenarioNumbers(scenario: Scenario): number[] {
  const out: number[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'number') out.push(v, v / 1000, v * 100);
    else if (typeof v === 'string') for (const m of v.matchAll(/\d+(\.\d+)?/g)) out.push(Number(m[0]));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(scenario);
  return out;
}

/** Numbers written in a text, leaving out those inside names (L1, p99, App 2, Redis shard 3). */
function writtenNumbers(text: string): { value: number; at: string }[] {
  const plain = text.replace(/\{[^}]*\}/g, '').replace(/\b(App|Redis shard) \d+\b/g, '$1');
  return [...plain.matchAll(/(?<![\w.])\d[\d,]*(\.\d+)?(?![\w])/g)].map((m) => ({
    value: Number(m[0].replace(/,/g, '')),
    at: plain.slice(Math.max(0, m.index - 20), m.index + m[0].length + 10),
  }));
}

/** Everything a step puts on screen. */
const stepTexts = (s: Lesson['steps'][number]): string[] => [
  s.title,
  s.text,
  s.prediction?.question ?? '',
  s.prediction?.reveal ?? '',
  ...(s.prediction?.kind === 'choice' ? s.prediction.options.map((o) => o.label) : []),
];

/** A label without its bracketed part: "Redis maxmemory per shard (bytes)" -> "redis maxmemory per shard". */
const mainPart = (label: string): string => label.replace(/\s*\(.*\)$/, '').toLowerCase();

/**
 * Pairs of options that a single measurement could both match: two ranges that overlap, or two equal
 * labels. Whatever the run measures, exactly one option may be right.
 */
function overlappingOptions(options: readonly ChoiceOption[]): string[] {
  const out: string[] = [];
  options.forEach((a, i) =>
    options.slice(i + 1).forEach((b) => {
      const both =
        a.equals !== undefined || b.equals !== undefined
          ? a.equals === b.equals
          : Math.max(a.min ?? -Infinity, b.min ?? -Infinity) < Math.min(a.max ?? Infinity, b.max ?? Infinity);
      if (both) out.push(`"${a.label}" and "${b.label}"`);
    }),
  );
  return out;
}

const near = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

function unexplainedNumbers(lesson: Lesson): string[] {
  const bad: string[] = [];
  lesson.steps.forEach((step, i) => {
    const scenario = stepScenario(lesson, i);
    const p = step.prediction;
    // The step's own times and window are settings of the lesson too ("in those 20 s").
    const times = [step.atMs, p?.fromMs ?? step.atMs, p?.untilMs ?? step.atMs];
    const windowS = p ? (p.untilMs - (p.fromMs ?? step.atMs)) / 1000 : 0;
    const allowed = [...scenarioNumbers(scenario), ...times.map((t) => t / 1000), windowS];
    const texts = [step.text, p?.question ?? '', p?.reveal ?? ''];
    for (const text of texts) {
      for (const n of writtenNumbers(text)) {
        if (!allowed.some((a) => near(a, n.value))) bad.push(`step ${i + 1}: ${n.value} in "…${n.at}…"`);
      }
    }
    bad.push(...badNodeNames(texts.join(' '), scenario.topology).map((b) => `step ${i + 1}: ${b}`));
  });
  return bad;
}

describe('the choice check', () => {
  it('catches two options one measurement could both match', () => {
    expect(
      overlappingOptions([
        { label: 'a', max: 1 },
        { label: 'b', min: 1 },
      ]),
    ).toEqual([]);
    expect(
      overlappingOptions([
        { label: 'a', max: 2 },
        { label: 'b', min: 1 },
      ]),
    ).toHaveLength(1);
    expect(overlappingOptions([{ label: 'a', min: 0 }, { label: 'b' }])).toHaveLength(1);
    expect(
      overlappingOptions([
        { label: 'a', equals: 'x' },
        { label: 'b', equals: 'x' },
      ]),
    ).toHaveLength(1);
  });
});

describe('the number check', () => {
  const lesson = (text: string, reveal = '{dbQueries} queries.'): Lesson => ({
    id: 't',
    title: 't',
    teaches: 't',
    minutes: 1,
    scenario: { version: 1, durationMs: 20_000, workload: { rps: 200 }, cache: { l2: { ttlMs: 5000 } } },
    steps: [
      {
        title: 't',
        text,
        atMs: 4000,
        prediction: { kind: 'number', question: '?', figure: 'dbQueries', untilMs: 7000, reveal },
      },
    ],
  });

  it('accepts settings in their usual units, step times and node names', () => {
    expect(
      unexplainedNumbers(lesson('200 reads a second, cached for 5 s, on App 4 and Redis shard 3.')),
    ).toEqual([]);
    expect(unexplainedNumbers(lesson('x', 'In those 3 s, from 4 s to 7 s: {dbQueries}.'))).toEqual([]);
  });

  it('catches a result written as a number, and a node that does not exist', () => {
    expect(unexplainedNumbers(lesson('The database takes 21 queries.'))).toHaveLength(1);
    expect(unexplainedNumbers(lesson('x', 'It took 21 queries: {dbQueries}.'))).toHaveLength(1);
    expect(unexplainedNumbers(lesson('App 5 crashes.'))).toHaveLength(1);
  });
});

describe('the curriculum', () => {
  it('has at least twelve lessons with unique ids, each found by its id', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(12);
    expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length);
    for (const l of lessons) expect(getLesson(l.id)).toBe(l);
    expect(getLesson('no-such-lesson')).toBeUndefined();
  });

  it('opens every step without the cost question (every step scenario is within the budget)', () => {
    for (const lesson of lessons) {
      lesson.steps.forEach((_, i) => {
        const { overBudget, work } = estimateCost(stepScenario(lesson, i));
        expect(overBudget, `${lesson.id} step ${i + 1}: ${work} of ${COST_BUDGET}`).toBe(false);
      });
    }
  });

  it('follows the article from why to cache to when not to', () => {
    const ids = lessons.map((l) => l.id);
    expect(ids[0]).toBe('why-cache');
    expect(ids.at(-1)).toBe('when-not-to-cache');
    for (const topic of ['stampede', 'hot-keys', 'write-behind', 'cdc', 'cdn-leak', 'monitoring']) {
      expect(ids).toContain(topic);
    }
  });

  describe.each(lessons.map((l) => [l.id, l] as const))('%s', (_, lesson) => {
    it('has a title, what it teaches, a length and 2 to 6 steps', () => {
      expect(lesson.title.length).toBeGreaterThan(0);
      expect(lesson.teaches.length).toBeGreaterThan(20);
      expect(lesson.minutes).toBeGreaterThan(0);
      expect(lesson.steps.length).toBeGreaterThanOrEqual(2);
      expect(lesson.steps.length).toBeLessThanOrEqual(6);
    });

    it('gives every step a scenario that parses, and times inside its run', () => {
      lesson.steps.forEach((step, i) => {
        const scenario = stepScenario(lesson, i);
        expect(step.atMs, `step ${i + 1}`).toBeGreaterThanOrEqual(0);
        expect(step.atMs, `step ${i + 1}`).toBeLessThan(scenario.durationMs);
        const p = step.prediction;
        if (!p) return;
        const from = p.fromMs ?? step.atMs;
        // A window starts at the step, later (once a change has settled), or at 0 (a worst case so far).
        if (from !== 0) {
          expect(from, `step ${i + 1}: window starts at or after the step`).toBeGreaterThanOrEqual(step.atMs);
        }
        expect(p.untilMs, `step ${i + 1}: window ends after it starts`).toBeGreaterThan(from);
        expect(p.untilMs, `step ${i + 1}: window inside the run`).toBeLessThanOrEqual(scenario.durationMs);
      });
    });

    it('asks answerable questions', () => {
      for (const step of lesson.steps) {
        const p = step.prediction;
        if (!p) continue;
        expect(p.question).toMatch(/\?$/);
        expect(placeholders(p.reveal).figures.length, 'a reveal quotes the run').toBeGreaterThan(0);
        const kind = figureDef(p.figure).kind;
        if (p.kind === 'number') expect(kind, 'numbers are typed for numeric figures').not.toBe('label');
        else {
          expect(p.options.length, `${step.title}: at least three choices`).toBeGreaterThanOrEqual(3);
          for (const o of p.options) {
            expect(o.equals !== undefined, o.label).toBe(kind === 'label');
          }
          expect(overlappingOptions(p.options), `${step.title}: one right answer`).toEqual([]);
        }
      }
    });

    it('states no number that the scenario does not set (results come from the run)', () => {
      expect(unexplainedNumbers(lesson)).toEqual([]);
    });

    it('names things as the screen does: no raw ids, field paths or unlabelled settings', () => {
      const texts = [lesson.title, lesson.teaches, ...lesson.steps.flatMap(stepTexts)];
      // Placeholders are filled with measured values before anyone reads them.
      expect(texts.map((t) => t.replace(/\{[^}]*\}/g, '#')).flatMap(rawNames)).toEqual([]);
      expect(lesson.steps.flatMap((s) => unlabelledSettings(s.text))).toEqual([]);
    });

    it('names each change and failure as the Configure tab does', () => {
      for (const step of lesson.steps) {
        const text = step.text.toLowerCase();
        for (const c of step.changes ?? []) {
          const field = fieldFor(c.path)!;
          expect(text, `${step.title}: the field of ${c.path}`).toContain(mainPart(field.label));
          if (field.kind === 'select') {
            const label = optionLabel(c.path, String(c.value)).toLowerCase();
            const said = [mainPart(label), label.match(/\((.+)\)/)?.[1]].some((w) => w && text.includes(w));
            expect(said, `${step.title}: the option "${label}"`).toBe(true);
          }
        }
        if (step.failure) {
          expect(text, step.title).toContain(FAILURE_LABELS[step.failure.kind].toLowerCase());
        }
      }
    });

    it('keeps step texts short enough for a caption', () => {
      for (const step of lesson.steps) expect(step.text.length, step.title).toBeLessThanOrEqual(320);
    });
  });
});
