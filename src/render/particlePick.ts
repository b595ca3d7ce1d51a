import type { ParticleBuffer } from './particles.ts';

/**
 * The request whose particle lies nearest to (x, y) within `radius` CSS pixels, given every particle's
 * position (`px`, `py`: NaN for one not drawn, as `placeParticles` leaves them): what a click on the
 * stage picks.
 */
export function pickParticle(
  p: ParticleBuffer,
  px: Float32Array,
  py: Float32Array,
  x: number,
  y: number,
  radius = 10,
): number | null {
  let best: number | null = null;
  let bestD = radius * radius;
  for (let i = 0; i < p.count; i++) {
    const ax = px[i]!;
    // Negative ids are hops of no request (lost writes): nothing to open in the inspector.
    if (Number.isNaN(ax) || p.requestId[i]! < 0) continue;
    const dx = ax - x;
    const dy = py[i]! - y;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = p.requestId[i]!;
    }
  }
  return best;
}
