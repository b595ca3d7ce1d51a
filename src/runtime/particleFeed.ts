import type { Simulation, TraceHop } from '../engine/types.ts';
import { RequestLog } from './requestLog.ts';
import { INVALIDATION_CODE, outcomeCode } from '../render/palette.ts';
import { isSampled, type ParticleBatch } from '../render/particles.ts';
import { ParticleBatchBuilder } from './particleBatch.ts';
import { DEFAULT_DRAWN, MAX_DRAWN } from '../render/drawCounts.ts';

/** The `op` of the hop the tracking mechanism records for an invalidation (its server.ts INVALIDATE_OP). */
const INVALIDATE_OP = 'invalidate';

/** Most particles one frame may add (the page's buffer holds twice the most any setting draws). */
const MAX_PER_BATCH = 2 * MAX_DRAWN;
/** Sample rates "1 in N": steps of a quarter (R10 numbers), so the particles drawn come near the limit. */
const NICE: readonly number[] = (() => {
  const steps = [1, 1.25, 1.6, 2, 2.5, 3.2, 4, 5, 6.4, 8];
  const out: number[] = [];
  for (let d = 1; d <= 100_000; d *= 10) for (const s of steps) out.push(s * d);
  return out;
})();

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
  /** Most particles to keep in flight (the page's draw setting, sent with each frame). */
  target = DEFAULT_DRAWN;
  /**
   * Exponential average of the particles in flight were every request drawn: by Little's law, the rate
   * of hops times how long each stays on screen (simulated ms of visibility per simulated ms).
   */
  private inFlight = 0;
  private nodeIndex: Map<string, number> = new Map();

  /** The stage's node ids in particle-index order (see render/layout.ts `stageNodeIds`). */
  setNodes(ids: readonly string[]): void {
    this.nodeIndex = new Map(ids.map((id, i) => [id, i]));
  }

  /** The run jumped: forget the sample rate and the followed requests; the page drops its particles. */
  reset(): void {
    this.batch.reset();
    this.inFlight = 0;
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
      const now = this.visibleMs(hops, minVisibleMs) / advancedMs;
      this.inFlight = this.inFlight === 0 ? now : this.inFlight * 0.8 + now * 0.2;
      this.updateSample();
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
      const end = h.startMs + shownMs(h, minVisibleMs);
      const code = h.op === INVALIDATE_OP ? INVALIDATION_CODE : outcomeCode(h.outcome);
      this.batch.push(from, to, h.startMs, end, h.requestId, code);
    }
  }

  /** Screen time of the hops that would be drawn (those between nodes on the stage). */
  private visibleMs(hops: readonly TraceHop[], minVisibleMs: number): number {
    let sum = 0;
    for (const h of hops) {
      if (this.nodeIndex.has(h.from) && this.nodeIndex.has(h.to)) sum += shownMs(h, minVisibleMs);
    }
    return sum;
  }

  private updateSample(): void {
    const target = Math.max(1, Math.min(MAX_DRAWN, this.target));
    const at = NICE.findIndex((n) => this.inFlight / n <= target);
    const want = at < 0 ? NICE[NICE.length - 1]! : NICE[at]!;
    // Hysteresis: up at once (never over the limit for long), down only when the lower rate fits with
    // a tenth to spare, so the label does not flicker while the load wavers about a step.
    if (want > this.sampleEvery || this.inFlight / want <= target * 0.9) this.sampleEvery = want;
  }
}

/** How long a hop stays on screen: a hop at one node (a lost write's burst) three times the minimum. */
function shownMs(h: TraceHop, minVisibleMs: number): number {
  return Math.max(h.endMs - h.startMs, minVisibleMs * (h.from === h.to ? 3 : 1));
}
