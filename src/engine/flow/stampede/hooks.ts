import type { Ctx } from '../context.ts';
import type { Model } from '../model.ts';
import { startRefresher, onRefreshFetched, onRefreshTick } from './backgroundRefresh.ts';
import { onFallThroughFetched, onHolderFetched, onLockBackoff, onLockCmd, onLockReply } from './lock.ts';
import {
  EV_LOCK_BACKOFF,
  EV_LOCK_CMD,
  EV_LOCK_REPLY,
  EV_REFRESH_TICK,
  EV_WARM,
  JOB_FALL_THROUGH,
  JOB_LOCK_HOLDER,
  JOB_MIT_FIRST,
  JOB_MIT_LAST,
  JOB_REFRESH,
  JOB_WARM,
  JOB_XFETCH,
} from './mitigation.ts';
import { onWarm, onWarmFetched, warmOnStart } from './warming.ts';
import { onXfetchFetched } from './xfetch.ts';

/**
 * The one-line entry points the generic flows call: the mitigations' events, their database replies and
 * their start-up work. Each is reached only when a mitigation is on (or, for events, when one of its
 * events exists), so the default configuration never pays for them.
 */

/** True for the job kinds whose database replies `onMitigationDbReply` handles. */
export const isMitigationJob = (kind: number): boolean => kind >= JOB_MIT_FIRST && kind <= JOB_MIT_LAST;

/**
 * Handles the database reply of a mitigation's job (lock holder, fall-through, background re-fetches).
 *
 * @example
 * if (isMitigationJob(j.kind[job]!)) return onMitigationDbReply(c, job, version);
 */
export function onMitigationDbReply(c: Ctx, job: number, version: number): void {
  switch (c.s.jobs.kind[job]) {
    case JOB_LOCK_HOLDER:
      return onHolderFetched(c, job, version);
    case JOB_FALL_THROUGH:
      return onFallThroughFetched(c, job, version);
    case JOB_XFETCH:
      return onXfetchFetched(c, job, version);
    case JOB_REFRESH:
      return onRefreshFetched(c, job, version);
    case JOB_WARM:
      return onWarmFetched(c, job, version);
  }
}

/**
 * Dispatches an event of the reserved range 40-49.
 *
 * @example
 * case EV_LOCK_CMD: return onMitigationEvent(c, type, a, b);
 */
export function onMitigationEvent(c: Ctx, type: number, a: number, b: number): void {
  switch (type) {
    case EV_LOCK_CMD:
      return onLockCmd(c, a, b);
    case EV_LOCK_REPLY:
      return onLockReply(c, a, b);
    case EV_LOCK_BACKOFF:
      return onLockBackoff(c, a);
    case EV_REFRESH_TICK:
      return onRefreshTick(c, a, b);
    case EV_WARM:
      return onWarm(c, a, b);
  }
}

/**
 * A change mid-run reached the mitigations. Entering `xfetch` gives the run its per-key δ table; entering
 * `background-refresh`, or changing the keys it watches, starts the refresher anew. Leaving a mode stops
 * it from the next request on: locks already held run out (released, or at their TTL), requests waiting
 * on a lock or a coalesced fetch finish as they started, a pending refresh is dropped.
 *
 * @example
 * reconcileMitigations(c, before); // after a change of cache.stampede.mode
 */
export function reconcileMitigations(c: Ctx, before: Model): void {
  const mit = c.m.mit;
  const st = c.s.mit;
  if (mit.xfetch && st.delta.length === 0) {
    st.delta = new Float64Array(c.m.keyCount);
    st.cycleExpiry = new Float64Array(c.m.keyCount).fill(-1);
  }
  if (mit.refresh && (!before.mit.refresh || before.mit.refreshKeys !== mit.refreshKeys)) startRefresher(c);
}

/**
 * Work the mitigations do before the first request: the start-up warm-up and the refresher's first look.
 *
 * @example
 * startMitigations(c); // in createSimulation, after the first arrival is scheduled
 */
export function startMitigations(c: Ctx): void {
  warmOnStart(c);
  if (c.m.mit.refresh) startRefresher(c);
}
