import { useLessonActions } from '../../runtime/lessonActions.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { enterFullscreen, leaveFullscreen } from './fullscreen.ts';
import './presenter.css';

/** "Lessons" opens the list of lessons. */
export function LessonsButton() {
  const actions = useLessonActions();
  return (
    <button type="button" className="btn" onClick={() => actions.setListOpen(true)}>
      Lessons
    </button>
  );
}

/** "Present" turns on the presenter view; in it, the same place offers the way out. */
export function PresentButton() {
  const actions = useLessonActions();
  const presenting = useAppStore((s) => s.presenting);
  if (presenting) {
    return (
      <button
        type="button"
        className="btn"
        onClick={() => {
          actions.setPresenting(false);
          leaveFullscreen();
        }}
      >
        Leave presenter view (Esc)
      </button>
    );
  }
  return (
    <button
      type="button"
      className="btn"
      onClick={() => {
        actions.setPresenting(true);
        enterFullscreen();
      }}
    >
      Present
    </button>
  );
}
