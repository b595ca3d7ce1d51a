import { getLesson } from '../../lessons/curriculum/index.ts';
import { useLessonActions } from '../../runtime/lessonActions.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { CheckOutcome } from './CheckOutcome.tsx';
import { PredictionForm } from './PredictionForm.tsx';
import './lessons.css';

/**
 * The open lesson step: where it is in the lesson, what to look at, and its prediction; once checked,
 * the measurement and its explanation take the place of the step's text (the room has read it).
 * Under the playback controls normally; in the presenter view the same panel is the caption.
 */
export function LessonPanel() {
  const open = useAppStore((s) => s.lesson);
  const checked = useAppStore((s) => s.check.status === 'done');
  const actions = useLessonActions();
  const lesson = open ? getLesson(open.id) : undefined;
  const step = lesson?.steps[open?.step ?? 0];
  if (!open || !lesson || !step) return null;
  const n = open.step + 1;
  const total = lesson.steps.length;
  return (
    <section className="lesson-panel" aria-labelledby="lesson-step-title">
      <div className="lesson-step">
        <p className="lesson-name">
          {lesson.title}{' '}
          <span className="lesson-count">
            Step {n} of {total}
          </span>
        </p>
        <h2 id="lesson-step-title">{step.title}</h2>
        {checked ? <CheckOutcome /> : <p>{step.text}</p>}
      </div>
      <div className="lesson-side">
        <div className="btn-group lesson-nav" role="group" aria-label="Lesson steps">
          <button type="button" className="btn" onClick={() => void actions.back()} disabled={n === 1}>
            Back
          </button>
          {n === total ? (
            <button type="button" className="btn" onClick={() => actions.finish()}>
              Finish
            </button>
          ) : (
            <button type="button" className="btn" onClick={() => void actions.next()}>
              Next
            </button>
          )}
          <button type="button" className="btn" onClick={() => actions.close()} aria-label="Close lesson">
            Close
          </button>
        </div>
        {step.prediction && <PredictionForm key={`${lesson.id}/${open.step}`} prediction={step.prediction} />}
      </div>
    </section>
  );
}
