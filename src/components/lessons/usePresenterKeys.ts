import { useEffect } from 'react';
import type { LessonActions } from '../../runtime/lessonActions.ts';
import type { AppStore } from '../../store/appStore.ts';
import { leaveFullscreen } from './fullscreen.ts';

const NEXT = new Set(['PageDown', 'ArrowRight', 'ArrowDown']);
const BACK = new Set(['PageUp', 'ArrowLeft', 'ArrowUp']);

/** Arrow keys belong to a focused radio button or field, not to the slides. */
function ownsArrows(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
}

/**
 * In the presenter view, PageDown and PageUp (what presentation clickers send) and the arrow keys
 * move between lesson steps, and Esc leaves the view. Listening in the capture phase lets these win
 * over the ordinary shortcuts (the right arrow steps the simulation outside the presenter view).
 */
export function usePresenterKeys(actions: LessonActions, store: AppStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = store.getState();
      if (!s.presenting || s.lessonsOpen || s.helpOpen) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Escape') {
        actions.setPresenting(false);
        leaveFullscreen();
      } else if (s.lesson && (NEXT.has(e.key) || BACK.has(e.key))) {
        if (e.key.startsWith('Arrow') && ownsArrows(e.target)) return;
        void (NEXT.has(e.key) ? actions.next() : actions.back());
      } else {
        return;
      }
      e.preventDefault();
      e.stopPropagation();
    };
    // Esc in full screen is taken by the browser to leave it; leaving full screen leaves the view too.
    const onFullscreen = () => {
      if (!document.fullscreenElement && store.getState().presenting) actions.setPresenting(false);
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, [actions, store]);
}
