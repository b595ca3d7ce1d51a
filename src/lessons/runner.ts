import type { SimMs, Summary } from '../engine/types.ts';
import { presets } from '../scenario/presets/index.ts';
import { scenarioSchema, type Scenario, type ScenarioInput } from '../scenario/schema.ts';
import {
  FIGURE_DEFS,
  figureDef,
  figureSays,
  formatFigure,
  isLessonFigureId,
  type LessonFigureId,
  type MeasureWindow,
} from './figures.ts';
import type { Lesson, LessonScenario, Prediction } from './types.ts';

/**
 * The lesson runner: which scenario a step runs, which run answers its prediction, and how a guess
 * compares with what was measured. It never holds an answer: every figure comes from the engine, run
 * headless on the step's scenario (by `measureRun` in tests and in the engine's worker for the app).
 */

export type FigureValues = Partial<Record<LessonFigureId, number | string>>;

/** The scenario a lesson names, as written: a preset's input, or the lesson's own. */
export function scenarioInput(source: LessonScenario): ScenarioInput {
  if (typeof source !== 'string') return source;
  const preset = presets.find((p) => p.id === source);
  if (!preset) throw new Error(`lesson scenario: there is no preset called "${source}"`);
  return preset.input;
}

/**
 * The scenario step `index` (from 0) runs: the latest scenario named at or before it, plus the live
 * changes and failures of the steps from there up to this one, each at its step's time. Opening a step
 * loads this and jumps to its time; the run is as deterministic as any other scenario.
 *
 * @example
 * stepScenario(lesson, 2).changes // [{ atMs: 12000, path: 'cache.stampede.mode', value: 'single-flight' }, ...]
 */
export function stepScenario(lesson: Lesson, index: number): Scenario {
  let from = 0;
  for (let i = 0; i <= index; i++) if (lesson.steps[i]?.scenario !== undefined) from = i;
  const input = scenarioInput(lesson.steps[from]?.scenario ?? lesson.scenario);
  const changes = [...(input.changes ?? [])];
  const failures = [...(input.failures ?? [])];
  for (const step of lesson.steps.slice(from, index + 1)) {
    for (const c of step.changes ?? []) changes.push({ atMs: step.atMs, path: c.path, value: c.value });
    if (step.failure) failures.push({ atMs: step.atMs, ...step.failure });
  }
  // A stable sort keeps the order of changes made at one instant.
  changes.sort((a, b) => a.atMs - b.atMs);
  return scenarioSchema.parse({ ...input, changes, failures });
}

/**
 * A placeholder: `{figureId}`, or `{figureId:noun:nouns}` for a count followed by its noun, which is
 * written in the singular when the value reads as 1 ("1 key", "7,795 keys").
 */
const PLACEHOLDER = /\{(\w+)(?::([^:{}]+):([^:{}]+))?\}/g;

/** The `{figureId}` placeholders of a text, in order, and the names that are not figures. */
export function placeholders(text: string): { figures: LessonFigureId[]; unknown: string[] } {
  const figures: LessonFigureId[] = [];
  const unknown: string[] = [];
  for (const [, name] of text.matchAll(PLACEHOLDER)) {
    if (name === undefined) continue;
    if (isLessonFigureId(name)) figures.push(name);
    else unknown.push(name);
  }
  return { figures, unknown };
}

/** A piece of a filled text: words as written, or a measured figure as the app writes it. */
export type TextPart = string | { figure: LessonFigureId; text: string };

/** A text with its placeholders filled, in pieces, so a page can mark each figure it quotes. */
export function templateParts(text: string, values: FigureValues): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const [whole, name = '', one, many] = m;
    const value = isLessonFigureId(name) ? values[name] : undefined;
    if (value === undefined) continue;
    parts.push(text.slice(at, m.index));
    const shown = formatFigure(name as LessonFigureId, value);
    parts.push({ figure: name as LessonFigureId, text: shown });
    if (one !== undefined && many !== undefined) parts.push(` ${shown === '1' ? one : many}`);
    at = m.index + whole.length;
  }
  parts.push(text.slice(at));
  return parts.filter((p) => p !== '');
}

/** Fills `{figureId}` placeholders with measured values, written as the app writes them. */
export function fillTemplate(text: string, values: FigureValues): string {
  return templateParts(text, values)
    .map((p) => (typeof p === 'string' ? p : p.text))
    .join('');
}

/** What "Check prediction" runs: the step's scenario, read at its time and at the window's end. */
export interface CheckRun {
  scenario: Scenario;
  fromMs: SimMs;
  untilMs: SimMs;
  /** The prediction's figure first, then those its reveal names. */
  figures: LessonFigureId[];
}

export function checkRun(lesson: Lesson, index: number): CheckRun | null {
  const step = lesson.steps[index];
  if (!step?.prediction) return null;
  const p = step.prediction;
  const figures = [...new Set([p.figure, ...placeholders(p.reveal).figures])];
  const fromMs = p.fromMs ?? step.atMs;
  return { scenario: stepScenario(lesson, index), fromMs, untilMs: p.untilMs, figures };
}

/**
 * When a check reads its run: the start of the stretch before the window (when the run is that old),
 * the window's start and its end. The worker and the tests read the same times.
 */
export function checkTimes(run: CheckRun): SimMs[] {
  const prior = 2 * run.fromMs - run.untilMs;
  return prior >= 0 ? [prior, run.fromMs, run.untilMs] : [run.fromMs, run.untilMs];
}

/** The window a check measures, from the summaries read at `checkTimes(run)`. */
export function measureWindow(run: CheckRun, readings: readonly Summary[]): MeasureWindow {
  const times = checkTimes(run);
  if (readings.length !== times.length) throw new Error('measureFigures: one reading per check time');
  const [end, start, before] = [...readings].reverse();
  if (!end || !start) throw new Error('measureFigures: no readings');
  const { fromMs, untilMs } = run;
  const prior: MeasureWindow | null = before
    ? { fromMs: times[0]!, untilMs: fromMs, start: before, end: start, prior: null }
    : null;
  return { fromMs, untilMs, start, end, prior };
}

/** Every figure a check needs, from the summaries read at `checkTimes(run)`. */
export function measureFigures(run: CheckRun, readings: readonly Summary[]): FigureValues {
  const window = measureWindow(run, readings);
  const out: FigureValues = {};
  for (const id of run.figures) out[id] = FIGURE_DEFS[id].read(window);
  return out;
}

/** The options of a multiple-choice prediction that a measured value falls in (exactly one, by test). */
export function matchingOptions(prediction: Prediction, value: number | string): number[] {
  if (prediction.kind !== 'choice') return [];
  const out: number[] = [];
  prediction.options.forEach((o, i) => {
    const hit =
      o.equals !== undefined
        ? value === o.equals
        : typeof value === 'number' && value >= (o.min ?? -Infinity) && value < (o.max ?? Infinity);
    if (hit) out.push(i);
  });
  return out;
}

/** A guess: the option picked, or a number typed in the figure's unit (a ratio as a percentage). */
export type Guess = { option: number } | { value: number };

export interface CheckResult {
  correct: boolean;
  /** "You said 1. Measured: 21 database queries per expiry." */
  sentence: string;
  /** How far off a number was, or which option was right. */
  verdict: string;
  /** The explanation with its figures filled in. */
  reveal: string;
  /** The same sentence and explanation in pieces, each measured figure marked (the panel shows these). */
  parts: { sentence: TextPart[]; reveal: TextPart[] };
}

/** A figure's value in the unit a guess is typed in: a ratio as a percentage, `seconds` in seconds. */
export function inGuessUnit(id: LessonFigureId, v: number): number {
  const kind = figureDef(id).kind;
  return kind === 'ratio' ? v * 100 : kind === 'seconds' ? v / 1000 : v;
}

function numberVerdict(id: LessonFigureId, guess: number, actual: number): { close: boolean; text: string } {
  const kind = figureDef(id).kind;
  const diff = Math.abs(guess - actual);
  // Below these a difference is noise: 5 percentage points, a quarter of a factor, 0.1 s, one unit.
  const slack = kind === 'ratio' ? 5 : kind === 'factor' ? 0.25 : kind === 'seconds' ? 0.1 : 1;
  if (diff <= slack || diff <= 0.2 * Math.abs(actual)) return { close: true, text: 'Close: well predicted.' };
  if (guess > 0 && actual > 0) {
    const factor = Math.max(guess / actual, actual / guess);
    const word = guess < actual ? 'low' : 'high';
    return {
      close: false,
      text:
        factor < 2 ? `Too ${word}, but the right size.` : `Too ${word} by a factor of ${Math.round(factor)}.`,
    };
  }
  return { close: false, text: `Too ${guess < actual ? 'low' : 'high'}.` };
}

const numberText = (n: number): string => String(Number(n.toPrecision(6)));

/** "Measured: 21 database queries per expiry.": the measurement as the reveal words it. */
export function measuredSentence(id: LessonFigureId, value: number | string): string {
  return `Measured: ${figureSays(id, value)}.`;
}

/** The measured sentence in pieces, its figure marked. */
function measuredParts(id: LessonFigureId, value: number | string): TextPart[] {
  const says = figureSays(id, value);
  const text = formatFigure(id, value);
  const at = says.indexOf(text);
  if (at < 0) return [`Measured: ${says}.`];
  return [`Measured: ${says.slice(0, at)}`, { figure: id, text }, `${says.slice(at + text.length)}.`];
}

/**
 * Compares a guess with the measured figures.
 *
 * @example
 * judge(prediction, { value: 1 }, { dbQueriesPerExpiry: 21 }).sentence
 * // "You said 1. Measured: 21 database queries per expiry."
 */
export function judge(prediction: Prediction, guess: Guess, values: FigureValues): CheckResult {
  const id = prediction.figure;
  const value = values[id];
  if (value === undefined) throw new Error(`judge: figure ${id} was not measured`);
  const def = figureDef(id);
  const measured = measuredSentence(id, value);
  const revealParts = templateParts(prediction.reveal, values);
  const reveal = fillTemplate(prediction.reveal, values);
  const partsAfter = (said: string) => ({
    sentence: [`${said} `, ...measuredParts(id, value)].filter((p) => p !== ''),
    reveal: revealParts,
  });
  if ('option' in guess) {
    if (prediction.kind !== 'choice') throw new Error('judge: an option for a number prediction');
    const picked = prediction.options[guess.option]?.label ?? '?';
    const right = matchingOptions(prediction, value);
    const correct = right.includes(guess.option);
    const answer = right.map((i) => `“${prediction.options[i]?.label}”`).join(' or ');
    return {
      correct,
      sentence: `You said “${picked}”. ${measured}`,
      verdict: correct ? 'That is right.' : `The answer was ${answer}.`,
      reveal,
      parts: partsAfter(`You said “${picked}”.`),
    };
  }
  if (typeof value !== 'number') throw new Error(`judge: figure ${id} is not a number`);
  // Counts and rates are named in the measurement; units that change the number's meaning are repeated.
  const unit = def.kind === 'count' || def.kind === 'rate' ? '' : ` ${def.unit}`;
  const v = numberVerdict(id, guess.value, inGuessUnit(id, value));
  return {
    correct: v.close,
    sentence: `You said ${numberText(guess.value)}${unit}. ${measured}`,
    verdict: v.text,
    reveal,
    parts: partsAfter(`You said ${numberText(guess.value)}${unit}.`),
  };
}
