import { Dialog } from '../app/Dialog.tsx';
import { lessons } from '../../lessons/curriculum/index.ts';
import { useLessonActions } from '../../runtime/lessonActions.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import './lessons.css';

const TOTAL_MINUTES = lessons.reduce((a, l) => a + l.minutes, 0);

/** Every lesson with its length, what it teaches and whether this browser has finished it. */
export function LessonsDialog() {
  const open = useAppStore((s) => s.lessonsOpen);
  const done = useAppStore((s) => s.lessonsDone);
  const actions = useLessonActions();
  if (!open) return null;
  const close = () => actions.setListOpen(false);
  return (
    <Dialog labelledBy="lessons-title" onClose={close} className="lessons-dialog">
      <div className="lessons-dialog-head">
        <h2 id="lessons-title">Lessons</h2>
        <button data-autofocus type="button" className="btn" onClick={close}>
          Close
        </button>
      </div>
      <p className="lesson-muted">
        Each lesson stops the simulation at a moment worth seeing, asks for a prediction, then measures it.{' '}
        {lessons.length} lessons, about {TOTAL_MINUTES} minutes in all.
      </p>
      <ol className="lesson-list">
        {lessons.map((l) => {
          const finished = done.includes(l.id);
          return (
            <li key={l.id} className={finished ? 'done' : undefined}>
              <div>
                <h3>{l.title}</h3>
                <p>{l.teaches}</p>
                <p className="lesson-meta">
                  {l.minutes} min · {l.steps.length} steps
                  {finished && <span className="lesson-done"> · Done</span>}
                </p>
              </div>
              <button
                type="button"
                className="btn primary"
                aria-label={`Start lesson: ${l.title}`}
                onClick={() => void actions.open(l.id, 0)}
              >
                Start
              </button>
            </li>
          );
        })}
      </ol>
    </Dialog>
  );
}
