import type { Ctx } from '../../flow/context.ts';
import type { Mechanism } from '../../flow/mechanism.ts';
import type { HookSet } from '../../flow/shapes.ts';
import { keepL1, readL1 } from './l1.ts';
import { getL2, keepL2 } from './l2.ts';
import { afterStaleHit, REFRESH_JOBS } from './refresh.ts';
import { replyIfError } from './serve.ts';
import { staleKeyView } from './view.ts';
import {
  createStaleWindowsState,
  staleWindowsModel,
  type StaleWindowsModel,
  type StaleWindowsState,
  type TierCounts,
  type TierModel,
} from './state.ts';

/**
 * stale-while-revalidate and stale-if-error (RFC 5861's two windows) in the app's own caches, the L1
 * and Redis, as the CDN has them at the edge: a copy past its TTL but within `whileRevalidateMs` is
 * served at once while one background refresh goes to the next tier (the L1's to Redis, Redis's to the
 * database); within `ifErrorMs`, a copy past its TTL is served when the next tier fails or times out.
 * `cache.staleWindows` is read when the run starts (a copy's expiry is moved out as it is stored).
 */

/** One tier's figures in the Summary. */
export interface StaleTierSummary {
  whileRevalidateMs: number;
  ifErrorMs: number;
  /** Reads answered from a copy past its TTL within stale-while-revalidate. */
  servedWhileRevalidating: number;
  /** Errors answered with a copy past its TTL within stale-if-error (errors avoided). */
  servedIfError: number;
  /** Background refreshes sent to the next tier (one per copy at a time), and those that failed. */
  revalidations: number;
  revalidationErrors: number;
  /** How long past its TTL each copy served stale was: mean and maximum, ms. */
  meanPastTtlMs: number;
  maxPastTtlMs: number;
}

/** The Summary's part, present only when a window is set. */
export interface StaleWindowsSummary {
  l1: StaleTierSummary;
  l2: StaleTierSummary;
}

function tierSummary(t: TierModel | null, n: TierCounts): StaleTierSummary {
  const served = n.servedWhileRevalidating + n.servedIfError;
  return {
    whileRevalidateMs: t?.swr ?? 0,
    ifErrorMs: t?.sie ?? 0,
    servedWhileRevalidating: n.servedWhileRevalidating,
    servedIfError: n.servedIfError,
    revalidations: n.revalidations,
    revalidationErrors: n.revalidationErrors,
    meanPastTtlMs: served > 0 ? n.pastMsSum / served : 0,
    maxPastTtlMs: n.maxPastMs,
  };
}

function summary(c: Ctx): { staleWindows?: StaleWindowsSummary } {
  const w = c.m.mech.staleWindows as StaleWindowsModel | null;
  if (w === null) return {};
  const x = c.s.mech.staleWindows as StaleWindowsState;
  return { staleWindows: { l1: tierSummary(w.l1, x.l1), l2: tierSummary(w.l2, x.l2) } };
}

function hooks(w: StaleWindowsModel | null): HookSet {
  if (w === null) return {};
  return {
    ...(w.l1 === null ? {} : { read: readL1, l1Fill: keepL1 }),
    ...(w.l2 === null ? {} : { redisCommand: getL2, redisDone: keepL2, l2Hit: afterStaleHit }),
    replying: replyIfError,
  };
}

export const staleWindows: Mechanism<
  StaleWindowsModel | null,
  StaleWindowsState,
  { staleWindows?: StaleWindowsSummary }
> = {
  name: 'staleWindows',
  reads: ['cache.staleWindows', 'cache.l1.enabled', 'cache.strategy'],
  model: (scenario) => staleWindowsModel(scenario),
  // No reconcile: `cache.staleWindows` is restart-only, its tables sized by keys, instances and shards
  // (restart-only too); a copy's window was fixed when it was stored.
  state: (m, w) => createStaleWindowsState(m.keyCount, w, m.instances, m.ranges.length),
  hooks,
  jobs: REFRESH_JOBS,
  summary,
  nodeView: (c, view) => {
    if (c.m.mech.staleWindows === null) return;
    const { l1, l2 } = c.s.mech.staleWindows as StaleWindowsState;
    const served = (n: Float64Array, i: number) => ({ whileRevalidating: n[2 * i]!, ifError: n[2 * i + 1]! });
    if (l1.byNode.length > 0) view.instances.forEach((v, i) => (v.staleServed = served(l1.byNode, i)));
    if (l2.byNode.length > 0) view.shards.forEach((v, i) => (v.staleServed = served(l2.byNode, i)));
  },
  keyView: staleKeyView,
};
