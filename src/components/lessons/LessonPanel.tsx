import { useEffect, useId, useRef, useState } from 'react';
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
  const heading = useRef<HTMLHeadingElement>(null);
  // On a phone the panel starts folded to its title, so the stage stays on the first screen.
  const [unfolded, setUnfolded] = useState(false);
  const bodyId = useId();
  const sideId = useId();
  // Starting a lesson (from the list or a link) takes focus to its first words; a step keeps it.
  const lessonId = open?.id;
  useEffect(() => {
    if (lessonId) heading.current?.focus();
  }, [lessonId]);
  const lesson = open ? getLesson(open.id) : undefined;
  const step = lesson?.steps[open?.step ?? 0];
  if (!open || !lesson || !step) return null;
  const n = open.step + 1;
  const total = lesson.steps.length;
  return (
    <section className={`lesson-panel${unfolded ? '' : ' folded'}`} aria-labelledby="lesson-step-title">
      <div className="lesson-step">
        <p className="lesson-name">
          <span className="lesson-title">{lesson.title}</span>{' '}
          <span className="lesson-count">
            Step {n} of {total}
          </span>
        </p>
        <div className="lesson-title-row">
          <h2 id="lesson-step-title" ref={heading} tabIndex={-1}>
            {step.title}
          </h2>
          <button
            type="button"
            className="btn lesson-fold"
            aria-expanded={unfolded}
            aria-controls={`${bodyId} ${sideId}`}
            onClick={() => setUnfolded(!unfolded)}
          >
            {unfolded ? 'Fold' : 'Show step'}
          </button>
        </div>
        <div id={bodyId} className="lesson-body">
          {checked ? <CheckOutcome /> : <p>{step.text}</p>}
        </div>
      </div>
      <div id={sideId} className="lesson-side">
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
