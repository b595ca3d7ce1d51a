import { canPaintOffThread } from './offThreadPainter.ts';

/**
 * Where the particle canvas is painted: `?paint=main` keeps it on the main thread (the painter every
 * browser has), `?paint=worker` (the default) hands it to a paint worker where the browser can. For
 * measuring one against the other (`npm run bench:render -- --paint main`) and for ruling the worker
 * out when looking into a problem.
 */
export function paintOffThread(
  search: string = typeof location === 'undefined' ? '' : location.search,
): boolean {
  const asked = new URLSearchParams(search).get('paint');
  if (asked !== null && asked !== 'main' && asked !== 'worker') {
    console.warn(`paint=${asked}: expected "main" or "worker"; painting where the browser allows`);
  }
  return asked !== 'main' && canPaintOffThread();
}
