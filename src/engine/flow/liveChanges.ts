import { applyChangesTo } from '../../scenario/changes.ts';
import { l1Clear, l1SetCapacity } from '../core/l1Cache.ts';
import type { Change } from '../types.ts';
import type { Ctx } from './context.ts';
import { reconcileDbPool } from './dbFlow.ts';
import { reconcileQueryCache } from './dbExtras.ts';
import { createModel, type Model, type ModelCache } from './model.ts';
import { reconcileRedis } from './redisOps.ts';
import { scheduleNextArrival } from './requests.ts';
import { reconcileMitigations } from './stampede/hooks.ts';
import { reconcileWritePaths } from './writePaths.ts';

/**
 * A live change, applied at the current simulated time. The run gets a new model built from the scenario
 * after the change, so most fields take effect the next time the engine reads them: the next arrival,
 * the next SET, the next query. What is already there keeps what it was given: cached entries their
 * expiry, requests on their way their delays, running queries their service time. The reconcilers below
 * handle the state a change must grow, shrink, start or stop; each compares the models before and after,
 * so a change that leaves its mechanism as it was does nothing (docs/scenario-format.md, "Live changes").
 *
 * @example
 * applyLiveChange(c, { atMs: c.s.now, path: 'cache.l2.ttlMs', value: 1 }, models);
 */
export function applyLiveChange(c: Ctx, change: Change, models: ModelCache): void {
  const before = c.m;
  const scenario = applyChangesTo(before.scenario, [change]);
  c.s.scenario = scenario;
  c.m = createModel(scenario, before.durationMs, before.seed, before.sampleIntervalMs, models);
  c.s.changesApplied++;
  if (change.path === 'workload.rps') restartArrivals(c);
  reconcileL1(c, before);
  reconcileRedis(c, before);
  reconcileDbPool(c, before);
  reconcileQueryCache(c, before);
  reconcileWritePaths(c, before);
  reconcileMitigations(c, before);
}

/**
 * A new rate holds from now, as a phase's does: the pending arrival is superseded and the next one
 * drawn at the new rate (memoryless, so nothing is lost). A phase later in the timeline still sets its
 * own rate when its time comes.
 */
function restartArrivals(c: Ctx): void {
  c.s.rps = c.m.scenario.workload.rps;
  c.s.arrivalGen++;
  scheduleNextArrival(c);
}

/** An L1 switched off drops its contents; a smaller one evicts its least recently used keys at once. */
function reconcileL1(c: Ctx, before: Model): void {
  const l1 = c.s.l1;
  if (before.l1Enabled && !c.m.l1Enabled) for (const cache of l1) l1Clear(cache);
  const capacity = c.m.scenario.cache.l1.maxKeys;
  if (capacity !== before.scenario.cache.l1.maxKeys) for (const cache of l1) l1SetCapacity(cache, capacity);
}
