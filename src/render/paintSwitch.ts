/**
 * Whether a paint worker paints the particle canvas when the page does not say (`?paint=`). Off until a
 * measurement on a quiet machine says otherwise: side by side on the shared 2-core machine (load 20 to
 * 35, 2026-12-07), the page's own paint time per frame fell (15-29 ms to 3-9 ms with 10,000 drawn), but
 * the frames painted per second went one way in one run and the other in the next; and its worker
 * script (3.5 KB gzipped) would take a first visit over its budget. See ARCHITECTURE.md.
 */
export const PAINT_WORKER_BY_DEFAULT = false;

/**
 * True where the particle canvas can be painted by a worker: the canvas can hand its control to an
 * OffscreenCanvas, and workers exist. (Whether the worker then gets a 2D context is known only there:
 * it says `failed` when not, and the page paints instead.)
 */
export function canPaintOffThread(): boolean {
  return (
    typeof Worker === 'function' &&
    typeof OffscreenCanvas === 'function' &&
    typeof HTMLCanvasElement !== 'undefined' &&
    typeof HTMLCanvasElement.prototype.transferControlToOffscreen === 'function'
  );
}

/**
 * Where the particle canvas is painted: `?paint=worker` hands it to a paint worker where the browser
 * can (render/offThreadPainter.ts), `?paint=main` keeps it on the main thread, and without either
 * `PAINT_WORKER_BY_DEFAULT` decides. For measuring one against the other (`npm run bench:render --
 * --paint both`) and for ruling the worker out when looking into a problem.
 */
export function paintOffThread(
  search: string = typeof location === 'undefined' ? '' : location.search,
): boolean {
  const asked = new URLSearchParams(search).get('paint');
  if (asked !== null && asked !== 'main' && asked !== 'worker') {
    console.warn(`paint=${asked}: expected "main" or "worker"`);
  }
  const wanted = asked === 'worker' || (asked !== 'main' && PAINT_WORKER_BY_DEFAULT);
  return wanted && canPaintOffThread();
}
