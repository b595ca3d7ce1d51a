import type { Scenario } from '../../../scenario/schema.ts';
import type { Ctx } from '../../flow/context.ts';

/**
 * The model and state of stale-while-revalidate and stale-if-error in the app's caches. Each tier keeps
 * a copy past its TTL for the longer of its two windows (`ext`): the L1 entry's expiry and the Redis
 * key's are moved that far out when they are stored, so the copy's freshness ends `ext` before it goes.
 */

/** Per tier: the windows (ms, 0 = none) and how far past the TTL a copy is kept (their maximum). */
export interface TierModel {
  swr: number;
  sie: number;
  ext: number;
}

export interface StaleWindowsModel {
  /** Null when the tier has no window (or, for the L1, no L1). */
  l1: TierModel | null;
  l2: TierModel | null;
}

/** What one tier counted. */
export interface TierCounts {
  servedWhileRevalidating: number;
  servedIfError: number;
  revalidations: number;
  revalidationErrors: number;
  /** How long past its TTL each copy served stale was: sum and maximum. */
  pastMsSum: number;
  maxPastMs: number;
  /** Per instance (L1) or shard (Redis): copies served past their TTL, `[2i]` while revalidating, `[2i + 1]` if error. */
  byNode: Float64Array;
}

/** What a read's GET saw at the shard, carried to the instance (see `StaleWindowsState.mark`). */
export const MARK_SWR = 1;
export const MARK_SIE = 2;

export interface StaleWindowsState {
  l1: TierCounts;
  l2: TierCounts;
  /** The refresh in flight per L1 copy (`key * instances + instance`) and per Redis key: its job. */
  refreshL1: Map<number, number>;
  refreshL2: Map<number, number>;
  /** Per job: the request id of the refresh it is (-1: none), so a reused slot is not mistaken for one. */
  refreshId: Float64Array;
  /** Per job: what its GET found at the shard (MARK_*), for the request id in `markId`. */
  markId: Float64Array;
  mark: Uint8Array;
  /** MARK_SIE: the version kept aside, and when its freshness ended. */
  markVersion: Float64Array;
  markSoft: Float64Array;
  /** Per key: the expiry this mechanism gave its Redis entry (0: none), so other writers' are told apart. */
  extended: Float64Array;
}

function tier(swr: number, sie: number): TierModel | null {
  const ext = Math.max(swr, sie);
  return ext > 0 ? { swr, sie, ext } : null;
}

export function staleWindowsModel(scenario: Scenario): StaleWindowsModel | null {
  const cache = scenario.cache;
  if (cache.strategy === 'none') return null;
  const w = cache.staleWindows;
  const l1 = cache.l1.enabled ? tier(w.l1.whileRevalidateMs, w.l1.ifErrorMs) : null;
  const l2 = tier(w.l2.whileRevalidateMs, w.l2.ifErrorMs);
  return l1 === null && l2 === null ? null : { l1, l2 };
}

const counts = (nodes: number): TierCounts => ({
  servedWhileRevalidating: 0,
  servedIfError: 0,
  revalidations: 0,
  revalidationErrors: 0,
  pastMsSum: 0,
  maxPastMs: 0,
  byNode: new Float64Array(2 * nodes),
});

export function createStaleWindowsState(
  keyCount: number,
  on: StaleWindowsModel | null,
  instances = 0,
  shards = 0,
): StaleWindowsState {
  const jobs = on === null ? 0 : 256;
  return {
    l1: counts(on?.l1 != null ? instances : 0),
    l2: counts(on?.l2 != null ? shards : 0),
    refreshL1: new Map(),
    refreshL2: new Map(),
    refreshId: new Float64Array(jobs).fill(-1),
    markId: new Float64Array(jobs).fill(-1),
    mark: new Uint8Array(jobs),
    markVersion: new Float64Array(jobs),
    markSoft: new Float64Array(jobs),
    extended: new Float64Array(on?.l2 != null ? keyCount : 0),
  };
}

export const modelOf = (c: Ctx): StaleWindowsModel => c.m.mech.staleWindows as StaleWindowsModel;
export const stateOf = (c: Ctx): StaleWindowsState => c.s.mech.staleWindows as StaleWindowsState;

/** The per-job arrays, grown to hold `job` (doubling). */
export function ensureJob(x: StaleWindowsState, job: number): void {
  if (job < x.refreshId.length) return;
  let n = Math.max(256, x.refreshId.length);
  while (n <= job) n *= 2;
  const f64 = (a: Float64Array, fill: number): Float64Array => {
    const b = new Float64Array(n).fill(fill);
    b.set(a);
    return b;
  };
  x.refreshId = f64(x.refreshId, -1);
  x.markId = f64(x.markId, -1);
  x.markVersion = f64(x.markVersion, 0);
  x.markSoft = f64(x.markSoft, 0);
  const mark = new Uint8Array(n);
  mark.set(x.mark);
  x.mark = mark;
}

/** A copy `pastMs` past its TTL was served stale by a tier, at its instance or shard `node`. */
export function countServed(t: TierCounts, node: number, pastMs: number, ifError: boolean): void {
  if (ifError) t.servedIfError++;
  else t.servedWhileRevalidating++;
  if (2 * node < t.byNode.length) t.byNode[2 * node + (ifError ? 1 : 0)]!++;
  const past = pastMs > 0 ? pastMs : 0;
  t.pastMsSum += past;
  if (past > t.maxPastMs) t.maxPastMs = past;
}
