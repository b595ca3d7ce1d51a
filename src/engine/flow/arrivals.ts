import { schedule } from '../core/eventQueue.ts';
import { random } from '../core/rng.ts';
import { exponential } from '../core/samplers.ts';
import { sampleRank } from '../core/zipf.ts';
import type { Ctx } from './context.ts';
import { EV_ARRIVAL, EV_PHASE } from './kinds.ts';
import { startRequest } from './requests.ts';
import type { Source } from './shapes.ts';

/** The flow's arrivals: a Poisson process, phases of the workload, a key from the Zipf popularity. */

/** Schedules the next Poisson arrival at the current rate (none while the rate is 0). */
export function scheduleNextArrival(c: Ctx): void {
  const s = c.s;
  if (s.rps <= 0) return;
  schedule(s.queue, s.now + exponential(s.rng, 1000 / s.rps), EV_ARRIVAL, 0, s.arrivalGen);
}

/**
 * The flow's arrival process: Poisson at `workload.rps`, the rate set anew by each phase of
 * `workload.phases` and by a live change of the rate. A mechanism may supply another (a trace).
 */
export const poissonSource: Source = {
  start(c) {
    scheduleNextArrival(c);
    c.m.scenario.workload.phases.forEach((p, i) => schedule(c.s.queue, p.atMs, EV_PHASE, i, 0));
  },
  /**
   * A new rate holds from now, as a phase's does: the pending arrival is superseded and the next one
   * drawn at the new rate (memoryless, so nothing is lost). A phase later in the timeline still sets its
   * own rate when its time comes.
   */
  rateChanged(c) {
    c.s.rps = c.m.scenario.workload.rps;
    c.s.arrivalGen++;
    scheduleNextArrival(c);
  },
};

/** A phase of the workload starts: its rate holds from now. */
export function onPhase(c: Ctx, index: number): void {
  const s = c.s;
  s.rps = c.m.scenario.workload.phases[index]!.rps;
  s.arrivalGen++;
  scheduleNextArrival(c);
}

function pickKey(c: Ctx): number {
  const hot = c.m.scenario.workload.hotKey;
  if (hot !== null && random(c.s.rng) < hot.share) return 0;
  return sampleRank(c.m.popularity, c.s.rng);
}

/**
 * A request reaches an app instance. The arrival process is shifted by the client hop: the
 * request left the client `clientMs` earlier, which saves an event per request and leaves the
 * Poisson process (and so every queueing result) unchanged.
 */
export function onArrival(c: Ctx, generation: number): void {
  const s = c.s;
  if (generation !== s.arrivalGen) return; // superseded by a phase change
  scheduleNextArrival(c);
  const request = c.m.request;
  if (request !== null) return request(c);
  const isRead = random(s.rng) < c.m.readRatio;
  startRequest(c, isRead, pickKey(c), 0);
}
