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
  /** The theme's error colour (`--outcome-error`). */
  error: string;
}

export interface PaintScratch {
  x: Float32Array;
  y: Float32Array;
  /** Particles the last paint drew, per outcome code (browser checks read the invalidations'). */
  byCode: Uint32Array;
}

export function createScratch(capacity: number): PaintScratch {
  return {
    x: new Float32Array(capacity),
    y: new Float32Array(capacity),
    byCode: new Uint32Array(OUTCOME_CODES.length),
  };
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
    const hash = Math.imul(p.requestId[i]! | 0, 0x85ebca6b) >>> 0;
    if (f === d) burst(layout, f, hash, u, scratch, i);
    else travel(layout, f, d, hash, u, scratch, i);
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
    scratch.byCode[code] = n;
    if (!any) continue;
    if (shape === 'ring') {
      ctx.lineWidth = 1.6;
      ctx.strokeStyle = codeColor(code, frame.error);
      ctx.stroke();
      continue;
    }
    ctx.fillStyle = codeColor(code, frame.error);
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

/** Spreads simultaneous hops over a band across their path, so they do not stack on one line. */
const laneOffset = (hash: number): number => ((hash % 21) - 10) * 1.6;

/**
 * A hop between two nodes runs between their facing edges: side to side when one is left of the other
 * (the left-to-right stage), top to bottom when one is above the other (the vertical stage, the
 * database and its CDC pipeline), centre to centre when they overlap.
 */
function travel(l: StageLayout, f: number, d: number, hash: number, u: number, out: PaintScratch, i: number) {
  const fcx = (l.left[f]! + l.right[f]!) / 2;
  const dcx = (l.left[d]! + l.right[d]!) / 2;
  let x0 = fcx;
  let x1 = dcx;
  let y0 = l.cy[f]!;
  let y1 = l.cy[d]!;
  let across = true;
  if (l.left[d]! >= l.right[f]!) [x0, x1] = [l.right[f]!, l.left[d]!];
  else if (l.right[d]! <= l.left[f]!) [x0, x1] = [l.left[f]!, l.right[d]!];
  else {
    across = false;
    if (l.top[d]! >= l.bottom[f]!) [y0, y1] = [l.bottom[f]!, l.top[d]!];
    else if (l.bottom[d]! <= l.top[f]!) [y0, y1] = [l.top[f]!, l.bottom[d]!];
  }
  const lane = laneOffset(hash);
  out.x[i] = x0 + (x1 - x0) * u + (across ? 0 : lane);
  out.y[i] = y0 + (y1 - y0) * u + (across ? lane : 0);
}

/** How far a vanishing particle flies out of its node's edge, in CSS pixels. */
const BURST_PX = 40;

/**
 * Something that happened at one node (a lost write): the particle leaves the node's edge in a
 * direction of its own and flies outwards, so a loss reads as a burst around the card that lost it.
 */
function burst(l: StageLayout, n: number, hash: number, u: number, out: PaintScratch, i: number) {
  const angle = ((hash % 360) * Math.PI) / 180;
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  const halfW = (l.right[n]! - l.left[n]!) / 2;
  const halfH = (l.bottom[n]! - l.top[n]!) / 2;
  const edge = Math.min(halfW / Math.max(Math.abs(dx), 1e-6), halfH / Math.max(Math.abs(dy), 1e-6));
  const r = edge + BURST_PX * u;
  out.x[i] = (l.left[n]! + l.right[n]!) / 2 + dx * r;
  out.y[i] = l.cy[n]! + dy * r;
}

/** An X (a plus turned 45 degrees) of arms 0.9 wide reaching 1.7 from the centre, in units of the radius. */
export const CROSS: readonly number[] = (() => {
  const w = 0.45;
  const e = 1.7;
  const plus = [w, e, w, w, e, w, e, -w, w, -w, w, -e, -w, -e, -w, -w, -e, -w, -e, w, -w, w, -w, e];
  const out: number[] = [];
  for (let k = 0; k < plus.length; k += 2) {
    const px = plus[k]!;
    const py = plus[k + 1]!;
    out.push((px - py) / Math.SQRT2, (px + py) / Math.SQRT2);
  }
  return out;
})();

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
    case 'cross':
      for (let k = 0; k < CROSS.length; k += 2) {
        const px = x + CROSS[k]! * r;
        const py = y + CROSS[k + 1]! * r;
        if (k === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      }
      ctx.closePath();
      break;
    case 'ring':
      ctx.moveTo(x + r * 0.85, y);
      ctx.arc(x, y, r * 0.85, 0, Math.PI * 2);
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
    // Negative ids are hops of no request (lost writes): nothing to open in the inspector.
    if (Number.isNaN(px) || p.requestId[i]! < 0) continue;
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
