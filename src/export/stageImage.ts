import { paintDom } from './paintDom.ts';
import type { StageLayout } from '../render/layout.ts';
import { createScratch, paintParticles, type ParticleFrame } from '../render/paintParticles.ts';

/** The requests in flight now, as the stage paints them, at `scale` device pixels per layout pixel. */
export type StageParticles = (scale: number) => { frame: ParticleFrame; layout: StageLayout };

/** What the stage offers an export: its drawing area and the requests in flight. */
export interface StageSource {
  /** The stage's area: the node cards and captions, and the particle canvas under them. */
  area: HTMLElement;
  particles: StageParticles;
}

/** The first opaque background at or above `el`: what the stage's cards sit on. */
function groundColor(el: HTMLElement | null): string {
  for (let e = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg && bg !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return '#ffffff';
}

const context2d = (canvas: HTMLCanvasElement): CanvasRenderingContext2D => {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  return ctx;
};

/**
 * The stage composed on one canvas, as the screen shows it: the ground, then the requests in flight,
 * then the cards and captions on top (requests pass under the cards on screen too). Both are painted
 * afresh on each `paint()`, which takes a few milliseconds, so a recording calls it every frame.
 */
export class StageCompositor {
  readonly canvas = document.createElement('canvas');
  private readonly layer = document.createElement('canvas');
  private readonly ground: string;
  private scratch: ReturnType<typeof createScratch> | null = null;

  /** `even` rounds the size down to even pixels, which video encoders want. */
  constructor(
    private readonly source: StageSource,
    readonly scale: number,
    even = false,
  ) {
    // The area's layout size: a stage drawn larger on screen (stageScale) exports as laid out.
    const cs = getComputedStyle(source.area);
    const box = { width: parseFloat(cs.width), height: parseFloat(cs.height) };
    const size = (css: number) => {
      const px = Math.max(2, Math.round(css * scale));
      return even ? px - (px % 2) : px;
    };
    this.canvas.width = this.layer.width = size(box.width);
    this.canvas.height = this.layer.height = size(box.height);
    this.ground = groundColor(source.area);
  }

  /** Paints one frame: ground, the requests in flight now, the cards as they are now. */
  paint(): void {
    const { width, height } = this.canvas;
    const ctx = context2d(this.canvas);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = this.ground;
    ctx.fillRect(0, 0, width, height);
    // The particle painter clears its canvas first, hence a layer of its own.
    // The stage's own painter (the page's, whichever thread paints the screen), on a canvas of its own.
    const { frame, layout } = this.source.particles(this.scale);
    this.scratch ??= createScratch(frame.particles.capacity);
    paintParticles(context2d(this.layer), frame, layout, this.scratch);
    ctx.drawImage(this.layer, 0, 0);
    paintDom(ctx, this.source.area, this.scale, (el) => el instanceof HTMLCanvasElement);
  }
}

/**
 * The stage as one picture: cards and requests on one canvas, at `scale` times its size on screen.
 *
 * @example
 * const canvas = stageCanvas({ area, particles }, 2);
 */
export function stageCanvas(source: StageSource, scale: number): HTMLCanvasElement {
  const compositor = new StageCompositor(source, scale);
  compositor.paint();
  return compositor.canvas;
}
