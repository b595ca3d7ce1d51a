import type { ParticleShape } from './palette.ts';

/** The radius of a dot, in CSS pixels; the other shapes are sized from it. */
export const RADIUS = 3.5;
/** How far from its centre any shape (with its outline) reaches, in CSS pixels. */
export const SHAPE_REACH = RADIUS * 1.8 + 1;

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

/** Adds one particle's shape, centred on (x, y), to the current path. */
export function traceShape(ctx: CanvasRenderingContext2D, shape: ParticleShape, x: number, y: number): void {
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
 * Draws one particle of `shape` as the stage always has: a ring stroked, the others filled, and the
 * shaped outcomes (not dots) outlined when `outlined` (a few of them; a crowd is drawn flat).
 */
export function drawShape(
  ctx: CanvasRenderingContext2D,
  shape: ParticleShape,
  color: string,
  outline: string | null,
): void {
  ctx.beginPath();
  traceShape(ctx, shape, 0, 0);
  if (shape === 'ring') {
    ctx.lineWidth = 1.6;
    ctx.strokeStyle = color;
    ctx.stroke();
    return;
  }
  ctx.fillStyle = color;
  ctx.fill();
  if (outline !== null && shape !== 'dot') {
    ctx.lineWidth = 0.8;
    ctx.strokeStyle = outline;
    ctx.stroke();
  }
}
