import { applyChangesTo } from '../../scenario/changes.ts';
import { l1Clear, l1SetCapacity } from '../core/l1Cache.ts';
import type { Change } from './types.ts';
import type { Ctx } from './context.ts';
import { reconcileDbPool } from './dbFlow.ts';
import { createModel, type Model, type ModelCache } from './model.ts';
import { reconcileStores } from './redisCore.ts';

/**
 * A live change, applied at the current simulated time. The run gets a new model built from the scenario
 * after the change, so most fields take effect the next time the engine reads them: the next arrival,
 * the next SET, the next query. What is already there keeps what it was given: cached entries their
 * expiry, requests on their way their delays, running queries their service time. The flow's own
 * reconcilers, then each mechanism's (in the registry's order), handle the state a change must grow,
 * shrink, start or stop; each compares the models before and after, so a change that leaves its part as
 * it was does nothing (docs/scenario-format.md, "Live changes"). A change touches one field, so at most
 * the few reconcilers that read it act.
 *
 * @example
 * applyLiveChange(c, { atMs: c.s.now, path: 'cache.l2.ttlMs', value: 1 }, models);
 */
export function applyLiveChange(c: Ctx, change: Change, models: ModelCache): void {
  const before = c.m;
  const scenario = applyChangesTo(before.scenario, [change]);
  c.s.scenario = scenario;
  c.m = createModel(scenario, before.durationMs, before.seed, before.sampleIntervalMs, c.plan, models);
  c.s.changesApplied++;
  if (change.path === 'workload.rps') c.m.source.rateChanged(c);
  reconcileL1(c, before);
  reconcileStores(c, before);
  reconcileDbPool(c, before);
  for (const mech of c.plan.mechanisms) mech.reconcile?.(c, before);
}

/** An L1 switched off drops its contents; a smaller one evicts its least recently used keys at once. */
function reconcileL1(c: Ctx, before: Model): void {
  const l1 = c.s.l1;
  if (before.l1Enabled && !c.m.l1Enabled) for (const cache of l1) l1Clear(cache);
  const capacity = c.m.scenario.cache.l1.maxKeys;
  if (capacity !== before.scenario.cache.l1.maxKeys) for (const cache of l1) l1SetCapacity(cache, capacity);
}
