import type { StageLayout } from './layout.ts';
import type { ParticleBatch } from './particles.ts';

/**
 * Messages between the page and the paint worker (worker/paint.worker.ts), which paints the particle
 * canvas off the main thread where the browser can transfer a canvas to a worker. The page keeps its
 * own copy of the particles (clicks, exports and recordings read it) and forwards each frame's batch,
 * so the worker holds the same particles, retired at the same times.
 */

/** What the worker needs to paint besides the particles: sizes, the stage's geometry, the theme. */
export interface PaintView {
  /** The canvas's backing store, in device pixels. */
  width: number;
  height: number;
  /** Device pixels per layout pixel (the device pixel ratio times the stage's scale). */
  dpr: number;
  layout: StageLayout;
  outline: string;
  error: string;
}

/** A frame's batch as the page applied it, with the time it retired particles at. */
export interface ForwardedBatch {
  batch: ParticleBatch;
  retireAtMs: number;
}

export type PaintCommand =
  /** The canvas, transferred once, and the most particles the page keeps in flight. */
  | { type: 'init'; canvas: OffscreenCanvas; capacity: number }
  | { type: 'view'; view: PaintView }
  /**
   * The batches received since the last paint, then a paint at simulated time `t` (skipped when
   * neither the particles, the time nor the view changed). Answered by `painted`; the page sends the
   * next one only after that answer, so paints never pile up.
   */
  | { type: 'paint'; t: number; batches: ForwardedBatch[] }
  /** The canvas's pixels as they are (browser checks read the canvas through this). */
  | { type: 'read'; id: number }
  /** Clears the canvas until the next paint (browser checks wipe it to compare what lies under it). */
  | { type: 'clear'; id: number };

export type PaintEvent =
  | {
      type: 'painted';
      /** Whether anything was painted (false: nothing changed since the last paint). */
      painted: boolean;
      drawn: number;
      invalidations: number;
      /** Wall ms the worker spent taking in the batches and painting. */
      ms: number;
    }
  | { type: 'pixels'; id: number; width: number; height: number; data: Uint8ClampedArray }
  | { type: 'cleared'; id: number }
  /** The worker cannot paint (no 2D context for a transferred canvas): the page paints instead. */
  | { type: 'failed'; message: string };
