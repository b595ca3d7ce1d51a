import { createScratch, paintParticles, type PaintScratch } from './paintParticles.ts';
import { INVALIDATION_CODE } from './palette.ts';
import {
  applyParticleBatch,
  createOutcomeRing,
  createParticleBuffer,
  type OutcomeRing,
  type ParticleBuffer,
} from './particles.ts';
import type { PaintCommand, PaintEvent, PaintView } from './paintProtocol.ts';

/** The canvas the host paints on: an OffscreenCanvas in the worker, a stand-in in unit tests. */
export interface PaintTarget {
  width: number;
  height: number;
  getContext(id: '2d'): unknown;
}

export interface PaintHost {
  handle(cmd: PaintCommand): void;
}

/**
 * The paint worker's message handler as a plain module (tests run it in-process): it keeps the
 * particles in flight from the page's forwarded batches and paints them with the page's own painter
 * (paintParticles.ts), so a frame painted here is the frame the page would have painted.
 */
export function createPaintHost(
  post: (e: PaintEvent, transfer?: Transferable[]) => void,
  clock: () => number = () => performance.now(),
): PaintHost {
  let target: PaintTarget | null = null;
  let ctx: CanvasRenderingContext2D | null = null;
  let particles: ParticleBuffer | null = null;
  let ring: OutcomeRing | null = null;
  let scratch: PaintScratch | null = null;
  let view: PaintView | null = null;
  /** Something changed since the last paint (particles or view), or the time did. */
  let dirty = true;
  let lastT = NaN;
  let drawn = 0;

  const paint = (t: number): boolean => {
    if (!ctx || !target || !particles || !scratch || !view) return false;
    if (!dirty && t === lastT) return false;
    drawn = paintParticles(
      ctx,
      { t, particles, dpr: view.dpr, outline: view.outline, error: view.error },
      view.layout,
      scratch,
    );
    dirty = false;
    lastT = t;
    return true;
  };

  return {
    handle(cmd) {
      switch (cmd.type) {
        case 'init': {
          target = cmd.canvas as unknown as PaintTarget;
          ctx = target.getContext('2d') as CanvasRenderingContext2D | null;
          if (!ctx) {
            post({ type: 'failed', message: 'no 2D context for the transferred canvas' });
            return;
          }
          particles = createParticleBuffer(cmd.capacity);
          ring = createOutcomeRing();
          scratch = createScratch(cmd.capacity);
          dirty = true;
          return;
        }
        case 'view': {
          view = cmd.view;
          if (target && (target.width !== view.width || target.height !== view.height)) {
            // Resizing clears the canvas and its pixels: the painter sends the whole frame next time.
            target.width = view.width;
            target.height = view.height;
          }
          dirty = true;
          return;
        }
        case 'paint': {
          const t0 = clock();
          if (particles && ring) {
            for (const f of cmd.batches) applyParticleBatch(particles, ring, f.batch, f.retireAtMs);
            if (cmd.batches.length > 0) dirty = true;
          }
          const painted = paint(cmd.t);
          post({
            type: 'painted',
            painted,
            drawn,
            invalidations: scratch?.byCode[INVALIDATION_CODE] ?? 0,
            ms: clock() - t0,
          });
          return;
        }
        case 'read': {
          const w = target?.width ?? 0;
          const h = target?.height ?? 0;
          const data = ctx && w > 0 && h > 0 ? ctx.getImageData(0, 0, w, h).data : new Uint8ClampedArray(0);
          post({ type: 'pixels', id: cmd.id, width: w, height: h, data }, [data.buffer]);
          return;
        }
        case 'clear': {
          if (ctx && target) {
            ctx.clearRect(0, 0, target.width, target.height);
            // The painter's own record of what it drew no longer holds: the next paint sends all of it.
            if (scratch) scratch.image = null;
          }
          post({ type: 'cleared', id: cmd.id });
          return;
        }
      }
    },
  };
}
