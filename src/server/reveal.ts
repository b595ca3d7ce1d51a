import { quantileSorted, tickStep } from 'd3-array';
import { format, precisionFixed } from 'd3-format';
import { isLessonFigureId } from '../lessons/figures.ts';
import {
  fillTemplate,
  inGuessUnit,
  judge,
  matchingOptions,
  measuredSentence,
  placeholders,
  type FigureValues,
} from '../lessons/runner.ts';
import type { Prediction } from '../lessons/types.ts';
import type { RevealBar, RevealView, RoomGuess } from '../room/protocol.ts';

/**
 * What "Reveal" shows: the room's guesses as a distribution beside the measured answer, and which
 * guesses were right. The measured figures come from the facilitator's app, which runs the step's
 * lesson check in the engine (the same as "Check prediction"); each guess is judged by the lesson
 * runner's own rule (`judge`), so the room and the app agree on what "close enough" means.
 */

/** Bars of a histogram on the projector: about ten, so each is wide enough to read. */
const BINS = 10;

/**
 * The guesses as a histogram over a round range holding the measured value and the middle 90 % of
 * guesses; guesses beyond it are counted in the first or last bar (labelled "< x" or "≥ x"), so one
 * wild guess cannot squash every other bar into one.
 */
export function numberBars(guesses: readonly number[], measured: number): RevealBar[] {
  const sorted = [...guesses].sort((a, b) => a - b);
  const lo = Math.min(measured, quantileSorted(sorted, 0.05) ?? measured);
  const hi = Math.max(measured, quantileSorted(sorted, 0.95) ?? measured);
  const tick = hi > lo ? tickStep(lo, hi, BINS) : 0;
  // All guesses (nearly) equal: one bar a tenth of the value wide.
  const step = tick > 0 && Number.isFinite(tick) ? tick : Math.max(1, Math.abs(lo) / 10);
  const start = Math.floor(lo / step) * step;
  // The last bar includes its upper end, so the largest value in range falls inside it.
  const n = Math.max(1, Math.ceil((hi - start) / step - 1e-9));
  const numberLabel = format(`,.${precisionFixed(step)}f`);
  const index = (v: number) => Math.min(n - 1, Math.max(0, Math.floor((v - start) / step + 1e-9)));
  const bars: RevealBar[] = Array.from({ length: n }, (_, i) => {
    const from = start + i * step;
    const to = from + step;
    return { label: `${numberLabel(from)}–${numberLabel(to)}`, count: 0, measured: false, from, to };
  });
  for (const g of sorted) bars[index(g)]!.count++;
  bars[index(measured)]!.measured = true;
  const first = bars[0]!;
  const last = bars[n - 1]!;
  if (sorted.length > 0 && sorted[0]! < start) first.label = `< ${numberLabel(first.to!)}`;
  if (sorted.length > 0 && sorted.at(-1)! > last.to!) last.label = `≥ ${numberLabel(last.from!)}`;
  return bars;
}

function choiceBars(p: Prediction & { kind: 'choice' }, guesses: readonly RoomGuess[], right: number[]) {
  const counts = p.options.map(() => 0);
  for (const g of guesses) if ('option' in g) counts[g.option] = (counts[g.option] ?? 0) + 1;
  return p.options.map((o, i) => ({ label: o.label, count: counts[i]!, measured: right.includes(i) }));
}

/**
 * Why measured values cannot reveal a prediction, or null: its figure or one its explanation names is
 * missing, or its figure is text where a number is asked for.
 */
export function revealProblem(p: Prediction, values: Record<string, number | string>): string | null {
  for (const id of [p.figure, ...placeholders(p.reveal).figures]) {
    if (values[id] === undefined) return `The measurement of "${id}" is missing.`;
  }
  if (p.kind === 'number' && typeof values[p.figure] !== 'number') return `"${p.figure}" must be a number.`;
  return null;
}

/** The reveal of a prediction, and for each guess (in order) whether it was right. */
export function buildReveal(
  p: Prediction,
  raw: Record<string, number | string>,
  guesses: readonly RoomGuess[],
): { view: RevealView; right: boolean[] } {
  // Only the lesson's own figures are kept: a value under another name has no meaning here.
  const values: FigureValues = {};
  for (const [id, v] of Object.entries(raw)) if (isLessonFigureId(id)) values[id] = v;
  const value = values[p.figure]!;
  const right = guesses.map((g) => judge(p, g, values).correct);
  const measuredValue =
    p.kind === 'number' && typeof value === 'number' ? inGuessUnit(p.figure, value) : null;
  const bars =
    p.kind === 'choice'
      ? choiceBars(p, guesses, matchingOptions(p, value))
      : numberBars(
          guesses.flatMap((g) => ('value' in g ? [g.value] : [])),
          measuredValue ?? 0,
        );
  return {
    right,
    view: {
      measured: measuredSentence(p.figure, value),
      measuredValue,
      bars,
      answers: guesses.length,
      right: right.filter(Boolean).length,
      explanation: fillTemplate(p.reveal, values),
    },
  };
}
