import { MISS, REDIS_ERROR, type Ctx } from '../../flow/context.ts';
import { sendToDb } from '../../flow/dbFlow.ts';
import { allocJob, freeJob } from '../../flow/jobs.ts';
import { jobKind } from '../../flow/kinds.ts';
import { I_L2_HIT, I_L2_MISS } from '../../flow/metrics.ts';
import { sendGet, sendSetAndWait } from '../../flow/redisSend.ts';
import { fillL1 } from '../../flow/reply.ts';
import type { JobSpec } from '../../flow/shapes.ts';
import { ensureJob, MARK_SWR, stateOf, type StaleWindowsState } from './state.ts';

/**
 * The one background refresh per stale copy: an L1 copy is refreshed from Redis (and from the database
 * when Redis misses), a Redis key from the database. No client waits on either; when it comes back, the
 * copies are stored as a read's would be (the L1 of the instance that sent it, and Redis), and the copy
 * may be refreshed again.
 */
export const JOB_REFRESH_L1 = jobKind('staleWindows.refreshL1');
export const JOB_REFRESH_L2 = jobKind('staleWindows.refreshL2');
/** A refresh's SET, waited for: the copy may be refreshed again once Redis holds the new value. */
export const JOB_REFRESH_SET = jobKind('staleWindows.refreshSet');

const l1Slot = (c: Ctx, inst: number, key: number): number => key * c.m.instances + inst;

/** The refresh in flight in `map` for `slot`, if its job still is that refresh. */
function inFlight(c: Ctx, x: StaleWindowsState, map: Map<number, number>, slot: number): boolean {
  const job = map.get(slot);
  if (job === undefined) return false;
  if (c.s.jobs.requestId[job] === x.refreshId[job]) return true;
  map.delete(slot); // its job ended without telling (its instance crashed)
  return false;
}

function begin(c: Ctx, kind: number, inst: number, key: number): number {
  const x = stateOf(c);
  const job = allocJob(c.s.jobs, kind, key, inst, c.s.now);
  ensureJob(x, job);
  x.refreshId[job] = c.s.jobs.requestId[job]!;
  x.markId[job] = -1;
  return job;
}

/** An L1 copy of `key` on `inst` was served stale: refresh it from Redis, unless a refresh is on its way. */
export function refreshL1(c: Ctx, inst: number, key: number): void {
  const x = stateOf(c);
  const slot = l1Slot(c, inst, key);
  if (inFlight(c, x, x.refreshL1, slot)) return;
  const job = begin(c, JOB_REFRESH_L1, inst, key);
  x.refreshL1.set(slot, job);
  x.l1.revalidations++;
  sendGet(c, job);
}

/** A Redis copy of `key` was served stale: `inst` refreshes it from the database, unless one is on its way. */
export function refreshL2(c: Ctx, inst: number, key: number): void {
  const x = stateOf(c);
  if (inFlight(c, x, x.refreshL2, key)) return;
  const job = begin(c, JOB_REFRESH_L2, inst, key);
  x.refreshL2.set(key, job);
  x.l2.revalidations++;
  sendToDb(c, job);
}

/** A read's GET found a copy within Redis's stale-while-revalidate window: refresh it. */
export function afterStaleHit(c: Ctx, job: number): void {
  const x = stateOf(c);
  const j = c.s.jobs;
  if (job >= x.markId.length || x.markId[job] !== j.requestId[job] || x.mark[job] !== MARK_SWR) return;
  x.markId[job] = -1;
  refreshL2(c, j.instance[job]!, j.key[job]!);
}

function finish(c: Ctx, job: number, failed: boolean): void {
  const x = stateOf(c);
  const j = c.s.jobs;
  const key = j.key[job]!;
  const slot = l1Slot(c, j.instance[job]!, key);
  let tier = x.l2;
  if (x.refreshL1.get(slot) === job) {
    x.refreshL1.delete(slot);
    tier = x.l1;
  } else if (x.refreshL2.get(key) === job) x.refreshL2.delete(key);
  if (failed) tier.revalidationErrors++;
  x.refreshId[job] = -1;
  freeJob(j, job);
}

/** Redis answered an L1 refresh: a value fills the L1; a miss goes on to the database. */
function onRefreshReply(c: Ctx, job: number, result: number): void {
  const j = c.s.jobs;
  const mt = c.s.metrics;
  // Redis's lookups, counted as a read's are (the hit ratio is Redis's).
  if (result >= 0) {
    mt.l2Hits++;
    mt.interval[I_L2_HIT]!++;
    fillL1(c, j.instance[job]!, j.key[job]!, result);
    afterStaleHit(c, job);
    finish(c, job, false);
  } else if (result === MISS) {
    mt.l2Misses++;
    mt.interval[I_L2_MISS]!++;
    sendToDb(c, job);
  } else if (result === REDIS_ERROR) finish(c, job, true);
}

/**
 * The database answered a refresh: the instance stores the value in its L1, and in Redis with a SET it
 * waits for, so no read finds the old copy past its TTL and sends another refresh meanwhile.
 */
function onRefreshFetched(c: Ctx, job: number, version: number): void {
  const j = c.s.jobs;
  fillL1(c, j.instance[job]!, j.key[job]!, version);
  j.kind[job] = JOB_REFRESH_SET;
  sendSetAndWait(c, job, version);
}

export const REFRESH_JOBS: readonly JobSpec[] = [
  {
    kind: JOB_REFRESH_L1,
    redisReply: onRefreshReply,
    dbReply: onRefreshFetched,
    dbFailed: (c, job) => finish(c, job, true),
  },
  { kind: JOB_REFRESH_L2, dbReply: onRefreshFetched, dbFailed: (c, job) => finish(c, job, true) },
  { kind: JOB_REFRESH_SET, redisReply: (c, job, result) => finish(c, job, result === REDIS_ERROR) },
];
