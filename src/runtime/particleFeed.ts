import type { Simulation, TraceHop } from '../engine/types.ts';
import { RequestLog } from './requestLog.ts';
import { INVALIDATION_CODE, outcomeCode } from '../render/palette.ts';
import { isSampled, type ParticleBatch } from '../render/particles.ts';
import { ParticleBatchBuilder } from './particleBatch.ts';

/** The `op` of the hop the tracking mechanism records for an invalidation (its server.ts INVALIDATE_OP). */
const INVALIDATE_OP = 'invalidate';

/** Most particles we aim to keep in flight; beyond it we draw a sample. */
export const TARGET_PARTICLES = 4000;
/** Most particles one frame may add (the page's buffer holds 12 000 in flight). */
const MAX_PER_BATCH = 12_000;
const NICE = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000];

/**
 * Drains the engine's hops into particle batches for the page. Every hop and request is counted; only
 * a deterministic sample (by request id) becomes a particle when the rate would flood the canvas.
 * Runs next to the simulation (in the worker); the page only receives the batches.
 */
export class ParticleFeed {
  private readonly batch = new ParticleBatchBuilder();
  /** The drawn requests' hops and outcomes, for the inspector's waterfall. */
  readonly log = new RequestLog();
  /** Draw 1 in `sampleEvery` requests. */
  sampleEvery = 1;
  /** Hops that did not fit in a frame's batch. */
  dropped = 0;
  /** Exponential average of hops per simulated millisecond, to pick the sample rate. */
  private hopRate = 0;
  private nodeIndex: Map<string, number> = new Map();

  /** The stage's node ids in particle-index order (see render/layout.ts `stageNodeIds`). */
  setNodes(ids: readonly string[]): void {
    this.nodeIndex = new Map(ids.map((id, i) => [id, i]));
  }

  /** The run jumped: forget the sample rate and the followed requests; the page drops its particles. */
  reset(): void {
    this.batch.reset();
    this.hopRate = 0;
    this.sampleEvery = 1;
    this.log.clear();
  }

  /** Everything collected since the last call, for one frame. */
  take(): ParticleBatch {
    return this.batch.take();
  }

  /**
   * Moves hops and completed requests out of the engine. `minVisibleMs` is the shortest time, in
   * simulated ms, a particle stays on screen: a 0.25 ms Redis round trip would otherwise be invisible at
   * any speed a person can follow. `advancedMs` is how far the clock moved, to estimate the rate.
   */
  drain(sim: Simulation, minVisibleMs: number, advancedMs: number, draw = true): number {
    const hops = sim.drainHops();
    const requests = sim.drainRequests();
    for (const r of requests) this.batch.complete(r.requestId, outcomeCode(r.outcome));
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
      if (this.batch.count >= MAX_PER_BATCH) {
        this.dropped++;
        continue;
      }
      // A hop at one node (a lost write's burst) happens in an instant: shown three times as long.
      const end = Math.max(h.endMs, h.startMs + minVisibleMs * (h.from === h.to ? 3 : 1));
      const code = h.op === INVALIDATE_OP ? INVALIDATION_CODE : outcomeCode(h.outcome);
      this.batch.push(from, to, h.startMs, end, h.requestId, code);
    }
  }

  private updateSample(minVisibleMs: number): void {
    const expected = this.hopRate * Math.max(minVisibleMs, 1);
    const want = NICE.find((n) => expected / n <= TARGET_PARTICLES) ?? NICE[NICE.length - 1]!;
    // Hysteresis: only move when the wanted rate is clearly different, so the label does not flicker.
    if (want > this.sampleEvery || want * 4 <= this.sampleEvery) this.sampleEvery = want;
  }
}
