import { useEffect } from 'react';
import type { Controller } from '../../runtime/controller.ts';
import type { AppStore } from '../../store/appStore.ts';

/** Typing in a field must not play, step or restart the simulation. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && target.type !== 'range' && target.type !== 'checkbox';
}

/**
 * Workshop shortcuts: Space play/pause, Right arrow step, `[`/`]` speed, `?` help, N next notable
 * event, R restart, Esc closes help. Arrow keys on a focused slider keep moving the slider.
 */
export function useKeyboard(controller: Controller, store: AppStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const onSlider = e.target instanceof HTMLInputElement && e.target.type === 'range';
      // Arrow keys on a tab move between tabs (the tabs pattern), not the simulation.
      const onTab = e.target instanceof HTMLElement && e.target.getAttribute('role') === 'tab';
      const { helpOpen, setHelpOpen, compareDialogOpen } = store.getState();
      // A dialog (Share, help, Compare) owns the keys: Space on its Copy button copies, it does not play.
      const inDialog = e.target instanceof Element && e.target.closest('[aria-modal="true"]') !== null;
      if (e.key === 'Escape' && helpOpen) {
        setHelpOpen(false);
        e.preventDefault();
        return;
      }
      if (e.key === '?' && (helpOpen || !inDialog)) {
        setHelpOpen(!helpOpen);
        e.preventDefault();
        return;
      }
      if (helpOpen || inDialog || compareDialogOpen) return;
      switch (e.key) {
        case ' ':
          // A focused button would also "click" on Space: handle it once, here.
          controller.toggle();
          break;
        case 'ArrowRight':
          if (onSlider || onTab) return;
          controller.step();
          break;
        case '[':
          controller.slower();
          break;
        case ']':
          controller.faster();
          break;
        case 'n':
        case 'N':
          controller.nextNotable();
          break;
        case 'r':
        case 'R':
          controller.restart();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller, store]);
}
