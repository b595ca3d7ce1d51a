import type { Controller } from '../runtime/controller.ts';
import type { EngineSession } from '../runtime/session.ts';
import type { AppStore } from '../store/appStore.ts';

/**
 * How an embed plays on a documentation page: it starts when first seen (autoplay), pauses its work
 * when scrolled out of view and resumes when back, and can loop. A page with five embeds then costs
 * the one being read.
 */

/**
 * Watches `el` against the page's viewport (through every frame above it) and the tab: out of view or
 * in a hidden tab, the run pauses, the page stops asking the worker for frames and the canvas stops
 * drawing; back in view, it resumes where it was if it was playing, or starts if `autoplay` asked for it
 * and it has not started yet. Returns a function that stops watching.
 */
export function playWhenVisible(
  el: Element,
  session: EngineSession,
  controller: Controller,
  store: AppStore,
  autoplay: boolean,
): () => void {
  let resume = autoplay;
  let inView = typeof IntersectionObserver === 'undefined';
  const pageShown = () => typeof document === 'undefined' || document.visibilityState !== 'hidden';
  let shown: boolean | null = null;
  const apply = () => {
    const visible = inView && pageShown();
    if (visible === shown) return;
    shown = visible;
    session.suspended = !visible;
    if (visible && resume) {
      resume = false;
      controller.play();
    } else if (!visible && store.getState().playing) {
      resume = true;
      controller.pause();
    }
  };
  const io =
    typeof IntersectionObserver === 'undefined'
      ? null
      : new IntersectionObserver((entries) => {
          inView = entries[entries.length - 1]?.isIntersecting ?? true;
          apply();
        });
  io?.observe(el);
  if (!io) apply();
  document.addEventListener('visibilitychange', apply);
  return () => {
    io?.disconnect();
    document.removeEventListener('visibilitychange', apply);
  };
}

/** Starts again from the beginning whenever playing reaches the end. Returns the unsubscribe. */
export function loopAtEnd(controller: Controller, store: AppStore): () => void {
  return store.subscribe((s, prev) => {
    const ended = prev.playing && !s.playing && s.nowMs >= s.applied.durationMs;
    // Play at the end restarts the run (the worker's driver does that).
    if (ended) controller.play();
  });
}

export const prefersReducedMotion = (): boolean =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
