import { l1Set } from '../core/l1Cache.ts';
import type { Outcome } from './types.ts';
import { appNode, type Ctx } from './context.ts';
import { freeJob, JOB_WRITE } from './jobs.ts';
import { l1TtlOf } from './keyspace.ts';
import { I_ERR, I_REQ, recordLatency, recordStale } from './metrics.ts';
import { traceHop, traceRequest } from './trace.ts';

/**
 * The end of a read's fetch and of a request: coalesced reads wake with their leader's answer, a
 * fetched value fills the L1, and the response leaves for the client, judged stale or not and counted.
 */

/**
 * Read coalescing: the first read of a key on an instance leads the fetch; later reads of the same key
 * wait for the leader's answer instead of sending their own (true when this read now waits).
 */
export function joinFlight(c: Ctx, job: number): boolean {
  const j = c.s.jobs;
  const flights = c.s.inflight[j.instance[job]!]!;
  const leader = flights.get(j.key[job]!);
  if (leader === undefined) {
    flights.set(j.key[job]!, job);
    c.s.flights++;
    return false;
  }
  if (leader === job) return false;
  j.nextWaiter[job] = j.nextWaiter[leader]!;
  j.nextWaiter[leader] = job;
  return true;
}

/** The leader of a coalesced fetch answers: every read waiting on it gets the same answer. */
function wakeWaiters(c: Ctx, job: number, version: number, outcome: Outcome): void {
  const j = c.s.jobs;
  const flights = c.s.inflight[j.instance[job]!]!;
  if (flights.get(j.key[job]!) !== job) return;
  flights.delete(j.key[job]!);
  c.s.flights--;
  let w = j.nextWaiter[job]!;
  while (w >= 0) {
    const next = j.nextWaiter[w]!;
    respond(c, w, version, outcome);
    w = next;
  }
}

/** Stores a fetched value in the instance's L1, when it has one. */
export function fillL1(c: Ctx, inst: number, key: number, version: number): void {
  if (!c.m.l1Enabled) return;
  l1Set(c.s.l1[inst]!, key, version, c.s.now + l1TtlOf(c.m, key));
  const fill = c.m.hooks.l1Fill;
  if (fill !== null) fill(c, inst, key, version);
}

/**
 * The instance sends the response. A read is stale when the version it serves is older than the
 * database's version at this moment; its age is the time since the newest write it missed.
 */
export function respond(c: Ctx, job: number, version: number, outcome: Outcome): void {
  const s = c.s;
  const j = s.jobs;
  const key = j.key[job]!;
  const isWrite = j.kind[job] === JOB_WRITE;
  // Not `coalesceReads`: a leader chosen before coalescing was switched off still has readers waiting.
  if (s.flights > 0 && !isWrite) wakeWaiters(c, job, version, outcome);
  const end = s.now + c.m.clientMs + c.m.edgeHopMs;
  const hooks = c.m.hooks;
  // A client that gave up (or will have by the time this arrives) never sees it: the work ends here.
  if (hooks.replying !== null && hooks.replying(c, job, end, version, outcome)) {
    s.instanceInFlight[j.instance[job]!]!--;
    freeJob(j, job);
    return;
  }
  // Judged against what clients were told (ahead of the database under write-behind).
  const dbVersion = s.db.latest[key]!;
  let final = outcome;
  if (!isWrite && outcome !== 'error' && version < dbVersion) {
    final = 'stale';
    recordStale(s.metrics, s.now - s.db.latestAt[key]!);
  }
  recordClientOutcome(c, job, outcome, final === 'stale', end);
  s.instanceInFlight[j.instance[job]!]!--;
  if (c.trace) traceResponse(c, job, s.now, end, final, version, dbVersion);
  if (hooks.replied !== null) hooks.replied(c, job, version, final, end);
  freeJob(j, job);
}

/** Counts a request the client saw end at `end` (answered, failed or timed out). */
export function recordClientOutcome(
  c: Ctx,
  job: number,
  outcome: Outcome,
  stale: boolean,
  end: number,
): void {
  const mt = c.s.metrics;
  const j = c.s.jobs;
  const isWrite = j.kind[job] === JOB_WRITE;
  mt.requests++;
  mt.interval[I_REQ]!++;
  if (isWrite) mt.writes++;
  else mt.reads++;
  if (outcome === 'error') {
    mt.errors++;
    mt.interval[I_ERR]!++;
  }
  recordLatency(mt, end - j.start[job]!);
  const counted = c.m.hooks.outcome;
  if (counted !== null) counted(c, j.key[job]!, outcome, stale, isWrite);
}

/** The response hop from the instance to the client, and the completed request, for the visualizer. */
export function traceResponse(
  c: Ctx,
  job: number,
  from: number,
  end: number,
  outcome: Outcome,
  version: number,
  dbVersion: number,
): void {
  const j = c.s.jobs;
  const id = j.requestId[job]!;
  const key = j.key[job]!;
  const inst = j.instance[job]!;
  traceHop(c.trace!, id, key, appNode(inst), 'client', from, end, 'response', outcome);
  traceRequest(c.trace!, {
    requestId: id,
    key,
    instance: inst,
    startMs: j.start[job]!,
    endMs: end,
    outcome,
    isWrite: j.kind[job] === JOB_WRITE,
    version,
    dbVersion,
  });
}
