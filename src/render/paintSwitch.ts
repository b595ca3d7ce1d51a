/**
 * Whether a paint worker paints the particle canvas when the page does not say (`?paint=`). On: side by
 * side on the 2-core machine at load 6 (2026-12-07, `npm run bench:render`), both painters held 60 fps
 * with 2,000 and 10,000 drawn, and the worker took the main thread's CPU per frame from 5.6 to 3.3 ms
 * with 10,000 drawn (4.3 to 3.2 ms with 2,000), which leaves the page that much more for input. Its
 * script (3.5 KB gzipped) fits the first visit's budget. See ARCHITECTURE.md.
 */
export const PAINT_WORKER_BY_DEFAULT = true;

/** What `?paint=` takes; a link with anything else says so in its notice (share/linkParams.ts). */
export const PAINTERS = ['main', 'worker'] as const;

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
  const wanted = asked === 'worker' || (asked !== 'main' && PAINT_WORKER_BY_DEFAULT);
  return wanted && canPaintOffThread();
}
