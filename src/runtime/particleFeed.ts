import type { Simulation, TraceHop } from '../engine/types.ts';
import { RequestLog } from './requestLog.ts';
import { outcomeCode } from '../render/palette.ts';
import {
  clearParticles,
  createOutcomeRing,
  createParticleBuffer,
  isSampled,
  pushParticle,
  recordOutcome,
  retireParticles,
  type OutcomeRing,
  type ParticleBuffer,
} from '../render/particles.ts';

/** Most particles we aim to keep in flight; beyond it we draw a sample. */
export const TARGET_PARTICLES = 4000;
const NICE = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000];

/**
 * Drains the engine's hops into the particle buffer. Every hop and request is counted; only a
 * deterministic sample (by request id) becomes a particle when the rate would flood the canvas.
 */
export class ParticleFeed {
  readonly particles: ParticleBuffer = createParticleBuffer(12_000);
  readonly ring: OutcomeRing = createOutcomeRing();
  /** The drawn requests' hops and outcomes, for the inspector's waterfall. */
  readonly log = new RequestLog();
  /** Draw 1 in `sampleEvery` requests. */
  sampleEvery = 1;
  /** Exponential average of hops per simulated millisecond, to pick the sample rate. */
  private hopRate = 0;
  private nodeIndex: Map<string, number> = new Map();

  setNodeIndex(index: Map<string, number>): void {
    this.nodeIndex = index;
  }

  reset(): void {
    clearParticles(this.particles);
    this.ring.ids.fill(-1);
    this.hopRate = 0;
    this.sampleEvery = 1;
    this.log.clear();
  }

  /**
   * Moves hops and completed requests out of the engine. `minVisibleMs` is the shortest time, in
   * simulated ms, a particle stays on screen: a 0.25 ms Redis round trip would otherwise be invisible at
   * any speed a person can follow. `advancedMs` is how far the clock moved, to estimate the rate.
   */
  drain(sim: Simulation, minVisibleMs: number, advancedMs: number, draw = true): number {
    const hops = sim.drainHops();
    const requests = sim.drainRequests();
    for (const r of requests) recordOutcome(this.ring, r.requestId, outcomeCode(r.outcome));
    if (advancedMs > 0) {
      const rate = hops.length / advancedMs;
      this.hopRate = this.hopRate === 0 ? rate : this.hopRate * 0.8 + rate * 0.2;
      this.updateSample(minVisibleMs);
    }
    if (draw) this.draw(hops, minVisibleMs);
    // After the hops, so a request that started and finished within this drain is known as followed.
    this.log.addRequests(requests);
    return hops.length;
  }

  private draw(hops: readonly TraceHop[], minVisibleMs: number): void {
    const every = this.sampleEvery;
    for (const h of hops) {
      if (!isSampled(h.requestId, every)) continue;
      // The drawn requests are the ones a click can open, so the log follows exactly those.
      this.log.addHop(h);
      const from = this.nodeIndex.get(h.from);
      const to = this.nodeIndex.get(h.to);
      if (from === undefined || to === undefined) continue;
      // A hop at one node (a lost write's burst) happens in an instant: shown three times as long.
      const end = Math.max(h.endMs, h.startMs + minVisibleMs * (h.from === h.to ? 3 : 1));
      pushParticle(this.particles, from, to, h.startMs, end, h.requestId, outcomeCode(h.outcome));
    }
  }

  /** Removes arrived particles and colours those whose request has finished. */
  retire(t: number): void {
    retireParticles(this.particles, t, this.ring);
  }

  private updateSample(minVisibleMs: number): void {
    const expected = this.hopRate * Math.max(minVisibleMs, 1);
    const want = NICE.find((n) => expected / n <= TARGET_PARTICLES) ?? NICE[NICE.length - 1]!;
    // Hysteresis: only move when the wanted rate is clearly different, so the label does not flicker.
    if (want > this.sampleEvery || want * 4 <= this.sampleEvery) this.sampleEvery = want;
  }
}
