/**
 * The browser's full screen for the presenter view, where it is allowed: it needs a click to start,
 * and a page in a frame or a browser without the API simply stays in its window (the layout fills
 * the window either way).
 */
export function enterFullscreen(): void {
  const el = document.documentElement;
  if (document.fullscreenElement || typeof el.requestFullscreen !== 'function') return;
  el.requestFullscreen().catch(() => undefined);
}

export function leaveFullscreen(): void {
  if (document.fullscreenElement && typeof document.exitFullscreen === 'function') {
    document.exitFullscreen().catch(() => undefined);
  }
}
