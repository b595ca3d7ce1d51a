import { getLesson } from '../lessons/curriculum/index.ts';
import { figureDef } from '../lessons/figures.ts';
import type { Prediction } from '../lessons/types.ts';
import type { QuestionView, RoomGuess, StepRef, StepView } from '../room/protocol.ts';

/**
 * The room's questions come from the curriculum the server was built with, never from a page: the
 * facilitator names a lesson step, and the server reads its question, choices and unit from the
 * lesson data (the same data the facilitator's app shows), so a participant sees exactly the step's
 * question and a guess is checked against it.
 */

export interface RoomStep {
  view: StepView;
  prediction: Prediction | null;
}

export const stepKey = (at: StepRef): string => `${at.lessonId}/${at.step}`;

function questionView(p: Prediction): QuestionView {
  return p.kind === 'choice'
    ? { kind: 'choice', text: p.question, options: p.options.map((o) => o.label) }
    : { kind: 'number', text: p.question, unit: figureDef(p.figure).unit };
}

/** The step a reference names, or null when the curriculum has no such lesson or step. */
export function roomStep(at: StepRef): RoomStep | null {
  const lesson = getLesson(at.lessonId);
  const step = lesson?.steps[at.step];
  if (!lesson || !step) return null;
  const prediction = step.prediction ?? null;
  return {
    prediction,
    view: {
      key: stepKey(at),
      lessonTitle: lesson.title,
      title: step.title,
      n: at.step + 1,
      total: lesson.steps.length,
      question: prediction ? questionView(prediction) : null,
    },
  };
}

/** Why a guess does not answer a question (a number for a choice, an option it does not have), or null. */
export function guessProblem(p: Prediction, guess: RoomGuess): string | null {
  if (p.kind === 'choice') {
    if (!('option' in guess)) return 'This question asks you to pick one of its choices.';
    if (guess.option >= p.options.length) return `This question has ${p.options.length} choices.`;
    return null;
  }
  return 'value' in guess ? null : 'This question asks for a number.';
}
