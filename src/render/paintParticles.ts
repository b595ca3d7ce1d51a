import type { StageLayout } from './layout.ts';
import type { ParticleBuffer } from './particles.ts';
import { OUTCOME_CODES } from './palette.ts';
import { placeParticles } from './particlePlaces.ts';
import { makeSprites, spriteKey, stamp, type SpriteSet } from './particleSprites.ts';

export interface ParticleFrame {
  /** Simulated time the frame shows. */
  t: number;
  particles: ParticleBuffer;
  /** Device pixel ratio the canvas backing store was sized with. */
  dpr: number;
  /** Outline for the shaped outcomes, from the theme (black error squares need a light edge in the dark). */
  outline: string;
  /** The theme's error colour (`--outcome-error`). */
  error: string;
}

/** What the painter keeps between frames: positions (for clicks), the frame's pixels, the sprites. */
export interface PaintScratch {
  x: Float32Array;
  y: Float32Array;
  /** Particles the last paint drew, per outcome code (browser checks read the invalidations'). */
  byCode: Uint32Array;
  /** Particle indices grouped by outcome code, so kinds are drawn in code order. */
  order: Uint32Array;
  image: ImageData | null;
  pixels: Int32Array;
  sprites: SpriteSet | null;
  /** Rows the last frame drew on, [from, to), to clear and send again. */
  rows: [number, number];
}

export function createScratch(capacity: number): PaintScratch {
  return {
    x: new Float32Array(capacity),
    y: new Float32Array(capacity),
    byCode: new Uint32Array(OUTCOME_CODES.length),
    order: new Uint32Array(capacity),
    image: null,
    pixels: new Int32Array(0),
    sprites: null,
    rows: [0, 0],
  };
}

/** Beyond this many particles of a shaped kind, they are drawn without outline (a crowd reads flat). */
const OUTLINE_MAX = 250;

/**
 * Paints every particle at its interpolated position. No path is built per particle and no canvas
 * state changes per particle: each kind's look is drawn once as a sprite (particleSprites.ts), copied
 * into the frame's pixels for each particle (kinds in code order, as ever), and the rows that changed
 * are handed to the canvas in one `putImageData`. The cost of a frame is mostly that one copy, so ten
 * thousand particles cost little more than two thousand. Returns the number of particles drawn.
 */
export function paintParticles(
  ctx: CanvasRenderingContext2D,
  frame: ParticleFrame,
  layout: StageLayout,
  scratch: PaintScratch,
): number {
  const { particles: p, dpr } = frame;
  const width = ctx.canvas.width;
  const height = ctx.canvas.height;
  const fresh = prepare(ctx, scratch, width, height);
  const sprites = spritesFor(scratch, frame, width);
  const drawn = placeParticles(frame.t, p, layout, scratch.x, scratch.y);
  const codes = OUTCOME_CODES.length;
  const counts = scratch.byCode;
  counts.fill(0);
  for (let i = 0; i < p.count; i++) if (!Number.isNaN(scratch.x[i]!)) counts[codeOf(p, i, codes)]!++;
  const start = new Uint32Array(codes);
  for (let c = 1; c < codes; c++) start[c] = start[c - 1]! + counts[c - 1]!;
  const next = start.slice();
  for (let i = 0; i < p.count; i++) {
    if (!Number.isNaN(scratch.x[i]!)) scratch.order[next[codeOf(p, i, codes)]!++] = i;
  }
  const buf = scratch.pixels;
  const [was0, was1] = scratch.rows;
  buf.fill(0, was0 * width, was1 * width);
  let top = height;
  let bottom = 0;
  if (sprites) {
    for (let c = 0; c < codes; c++) {
      const sprite = (counts[c]! < OUTLINE_MAX ? sprites.outlined : sprites.flat)[c]!;
      for (let k = start[c]!; k < start[c]! + counts[c]!; k++) {
        const i = scratch.order[k]!;
        const x = Math.round(scratch.x[i]! * dpr);
        const y = Math.round(scratch.y[i]! * dpr);
        stamp(buf, width, height, sprite, x, y);
        if (y - sprite.reach < top) top = y - sprite.reach;
        if (y + sprite.reach + 1 > bottom) bottom = y + sprite.reach + 1;
      }
    }
  }
  top = Math.max(0, top);
  bottom = Math.min(height, bottom);
  scratch.rows = top < bottom ? [top, bottom] : [0, 0];
  // What was drawn last frame is cleared too: the rows of both frames go to the canvas.
  const from = fresh ? 0 : Math.min(was0 < was1 ? was0 : height, top);
  const to = fresh ? height : Math.max(was1, bottom);
  if (to > from && scratch.image) ctx.putImageData(scratch.image, 0, 0, 0, from, width, to - from);
  return drawn;
}

/** Unknown codes are drawn as pending (a ring), as `codeColor` and `codeShape` say. */
function codeOf(p: ParticleBuffer, i: number, codes: number): number {
  const c = p.outcome[i]!;
  return c < codes ? c : 0;
}

/** Sizes the frame's pixels to the canvas; true when they are new (the whole canvas is sent). */
function prepare(
  ctx: CanvasRenderingContext2D,
  scratch: PaintScratch,
  width: number,
  height: number,
): boolean {
  const img = scratch.image;
  if (img && img.width === width && img.height === height) return false;
  scratch.image = ctx.createImageData(width, height);
  scratch.pixels = new Int32Array(scratch.image.data.buffer);
  scratch.rows = [0, 0];
  return true;
}

function spritesFor(scratch: PaintScratch, frame: ParticleFrame, width: number): SpriteSet | null {
  const theme = { dpr: frame.dpr, outline: frame.outline, error: frame.error };
  if (scratch.sprites?.key !== spriteKey(theme, width)) scratch.sprites = makeSprites(theme, width);
  return scratch.sprites;
}
