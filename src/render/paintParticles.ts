import type { StageLayout } from './layout.ts';
import type { ParticleBuffer } from './particles.ts';
import { codeColor, codeShape, OUTCOME_CODES } from './palette.ts';

export interface ParticleFrame {
  /** Simulated time the frame shows. */
  t: number;
  particles: ParticleBuffer;
  /** Device pixel ratio the canvas backing store was sized with. */
  dpr: number;
  /** Outline for the shaped outcomes, from the theme (black error squares need a light edge in the dark). */
  outline: string;
}

export interface PaintScratch {
  x: Float32Array;
  y: Float32Array;
}

export function createScratch(capacity: number): PaintScratch {
  return { x: new Float32Array(capacity), y: new Float32Array(capacity) };
}

const RADIUS = 3.5;
const OUTLINE_MAX = 250;

/**
 * Paints every particle at its interpolated position. Pure apart from drawing on `ctx`: positions are
 * computed once into scratch arrays, then drawn in one path per outcome so a frame issues only a few
 * fill calls however many particles are in flight. Returns the number of particles drawn.
 */
export function paintParticles(
  ctx: CanvasRenderingContext2D,
  frame: ParticleFrame,
  layout: StageLayout,
  scratch: PaintScratch,
): number {
  const { t, particles: p, dpr } = frame;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, layout.width, layout.height);
  let drawn = 0;
  for (let i = 0; i < p.count; i++) {
    const s = p.start[i]!;
    const e = p.end[i]!;
    const f = p.from[i]!;
    const d = p.to[i]!;
    if (t < s || f >= layout.nodes.length || d >= layout.nodes.length) {
      scratch.x[i] = NaN;
      continue;
    }
    const u = e > s ? Math.min(1, (t - s) / (e - s)) : 1;
    // Between columns a particle runs edge to edge; within a column (database to CDC) centre to centre.
    const forward = layout.left[d]! >= layout.right[f]!;
    const backward = layout.right[d]! <= layout.left[f]!;
    const x0 = forward
      ? layout.right[f]!
      : backward
        ? layout.left[f]!
        : (layout.left[f]! + layout.right[f]!) / 2;
    const x1 = forward
      ? layout.left[d]!
      : backward
        ? layout.right[d]!
        : (layout.left[d]! + layout.right[d]!) / 2;
    // Spread requests over a band so simultaneous hops do not stack on one line.
    const lane = ((Math.imul(p.requestId[i]! | 0, 0x85ebca6b) >>> 0) % 21) - 10;
    scratch.x[i] = x0 + (x1 - x0) * u;
    scratch.y[i] = layout.cy[f]! + (layout.cy[d]! - layout.cy[f]!) * u + lane * 1.6;
    drawn++;
  }
  for (let code = 0; code < OUTCOME_CODES.length; code++) {
    const shape = codeShape(code);
    ctx.beginPath();
    let any = false;
    let n = 0;
    for (let i = 0; i < p.count; i++) {
      if (p.outcome[i] !== code) continue;
      const x = scratch.x[i]!;
      if (Number.isNaN(x)) continue;
      const y = scratch.y[i]!;
      any = true;
      n++;
      traceShape(ctx, shape, x, y);
    }
    if (!any) continue;
    ctx.fillStyle = codeColor(code);
    ctx.fill();
    // The outline keeps a few shaped particles readable on any background; in a dense crowd the
    // outlines would merge into a dark mass that hides the colour, so crowds are drawn flat.
    if (shape !== 'dot' && n < OUTLINE_MAX) {
      ctx.lineWidth = 0.8;
      ctx.strokeStyle = frame.outline;
      ctx.stroke();
    }
  }
  return drawn;
}

function traceShape(ctx: CanvasRenderingContext2D, shape: string, x: number, y: number): void {
  const r = RADIUS;
  switch (shape) {
    case 'diamond':
      ctx.moveTo(x, y - r * 1.8);
      ctx.lineTo(x + r * 1.8, y);
      ctx.lineTo(x, y + r * 1.8);
      ctx.lineTo(x - r * 1.8, y);
      ctx.closePath();
      break;
    case 'square':
      ctx.rect(x - r * 1.2, y - r * 1.2, r * 2.4, r * 2.4);
      break;
    case 'triangle':
      ctx.moveTo(x, y - r * 1.5);
      ctx.lineTo(x + r * 1.4, y + r);
      ctx.lineTo(x - r * 1.4, y + r);
      ctx.closePath();
      break;
    default:
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
  }
}

/**
 * The request whose particle, as last painted, lies nearest to (x, y) within `radius` CSS pixels:
 * what a click on the stage picks. Reads the positions the painter left in `scratch`.
 */
export function pickParticle(
  p: ParticleBuffer,
  scratch: PaintScratch,
  x: number,
  y: number,
  radius = 10,
): number | null {
  let best: number | null = null;
  let bestD = radius * radius;
  for (let i = 0; i < p.count; i++) {
    const px = scratch.x[i]!;
    if (Number.isNaN(px)) continue;
    const dx = px - x;
    const dy = scratch.y[i]! - y;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = p.requestId[i]!;
    }
  }
  return best;
}
