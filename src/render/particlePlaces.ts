import type { StageLayout } from './layout.ts';
import type { ParticleBuffer } from './particles.ts';

/**
 * Where each particle stands at simulated time `t`, in CSS pixels, written into `x` and `y` (NaN for
 * one not drawn: not left yet, or between nodes the layout does not have). Pure. Returns how many
 * stand somewhere.
 */
export function placeParticles(
  t: number,
  p: ParticleBuffer,
  layout: StageLayout,
  x: Float32Array,
  y: Float32Array,
): number {
  let placed = 0;
  const nodes = layout.nodes.length;
  for (let i = 0; i < p.count; i++) {
    const s = p.start[i]!;
    const e = p.end[i]!;
    const f = p.from[i]!;
    const d = p.to[i]!;
    if (t < s || f >= nodes || d >= nodes) {
      x[i] = NaN;
      continue;
    }
    const u = e > s ? Math.min(1, (t - s) / (e - s)) : 1;
    const hash = Math.imul(p.requestId[i]! | 0, 0x85ebca6b) >>> 0;
    if (f === d) burst(layout, f, hash, u, x, y, i);
    else travel(layout, f, d, hash, u, x, y, i);
    placed++;
  }
  return placed;
}

/** Spreads simultaneous hops over a band across their path, so they do not stack on one line. */
const laneOffset = (hash: number): number => ((hash % 21) - 10) * 1.6;

/**
 * A hop between two nodes runs between their facing edges: side to side when one is left of the other
 * (the left-to-right stage), top to bottom when one is above the other (the vertical stage, the
 * database and its CDC pipeline), centre to centre when they overlap.
 */
function travel(
  l: StageLayout,
  f: number,
  d: number,
  hash: number,
  u: number,
  x: Float32Array,
  y: Float32Array,
  i: number,
) {
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
  x[i] = x0 + (x1 - x0) * u + (across ? 0 : lane);
  y[i] = y0 + (y1 - y0) * u + (across ? lane : 0);
}

/** How far a vanishing particle flies out of its node's edge, in CSS pixels. */
const BURST_PX = 40;

/**
 * Something that happened at one node (a lost write): the particle leaves the node's edge in a
 * direction of its own and flies outwards, so a loss reads as a burst around the card that lost it.
 */
function burst(
  l: StageLayout,
  n: number,
  hash: number,
  u: number,
  x: Float32Array,
  y: Float32Array,
  i: number,
) {
  const angle = ((hash % 360) * Math.PI) / 180;
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  const halfW = (l.right[n]! - l.left[n]!) / 2;
  const halfH = (l.bottom[n]! - l.top[n]!) / 2;
  const edge = Math.min(halfW / Math.max(Math.abs(dx), 1e-6), halfH / Math.max(Math.abs(dy), 1e-6));
  const r = edge + BURST_PX * u;
  x[i] = (l.left[n]! + l.right[n]!) / 2 + dx * r;
  y[i] = l.cy[n]! + dy * r;
}
