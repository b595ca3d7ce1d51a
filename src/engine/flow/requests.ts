import { schedule } from '../core/eventQueue.ts';
import { random, randomInt } from '../core/rng.ts';
import { exponential } from '../core/samplers.ts';
import { sampleRank } from '../core/zipf.ts';
import { l1Get, l1Set } from '../core/l1Cache.ts';
import type { Outcome } from './types.ts';
import { appNode, type Ctx } from './context.ts';
import { sendToDb } from './dbFlow.ts';
import { allocJob, freeJob, JOB_READ, JOB_WRITE } from './jobs.ts';
import { isCached, l1TtlOf } from './keyspace.ts';
import { EV_ARRIVAL, EV_PHASE } from './kinds.ts';
import type { Source } from './mechanism.ts';
import { I_ERR, I_L1_HIT, I_L1_MISS, I_REQ, recordLatency, recordStale } from './metrics.ts';
import { sendGet } from './redisFlow.ts';
import type { State } from './state.ts';
import { traceHop, traceRequest } from './trace.ts';

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

/**
 * The load balancer's pick when instance `i` is down: the next one that is up, in index order, or
 * `i` itself when every instance is down (the request then fails).
 */
export function nextUpInstance(s: State, i: number): number {
  const n = s.instanceUp.length;
  for (let k = 1; k < n; k++) {
    const j = (i + k) % n;
    if (s.instanceUp[j] === 1) return j;
  }
  return i;
}

function pickKey(c: Ctx): number {
  const hot = c.m.scenario.workload.hotKey;
  if (hot !== null && random(c.s.rng) < hot.share) return 0;
  return sampleRank(c.m.popularity, c.s.rng);
}

function pickInstance(c: Ctx): number {
  const n = c.m.scenario.topology.instances;
  let i: number;
  if (c.m.scenario.topology.loadBalancer === 'random') i = randomInt(c.s.rng, n);
  else {
    i = c.s.rrNext;
    c.s.rrNext = (i + 1) % n;
  }
  // A crashed instance is skipped until it restarts.
  return c.s.instanceUp[i] === 1 ? i : nextUpInstance(c.s, i);
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
  const isRead = random(s.rng) < c.m.scenario.workload.readRatio;
  startRequest(c, isRead, pickKey(c), 0);
}

/**
 * A client request (a new one, or a client's retry) reaches the edge or an instance now. With a CDN
 * this is the arrival at the edge, one CDN hop after the client sent it.
 */
export function startRequest(c: Ctx, isRead: boolean, key: number, attempt: number): void {
  const s = c.s;
  const m = c.m;
  const start = s.now - m.arrivalHopMs;
  const job = allocJob(s.jobs, isRead ? JOB_READ : JOB_WRITE, key, 0, start);
  s.jobs.attempt[job] = attempt;
  const arrive = m.hooks.arrive;
  if (arrive !== null && arrive(c, job)) return;
  admit(c, job);
}

/** A request reaches an instance through the load balancer (from the client, or from the CDN edge). */
export function admit(c: Ctx, job: number): void {
  const s = c.s;
  const m = c.m;
  const key = s.jobs.key[job]!;
  const isRead = s.jobs.kind[job] === JOB_READ;
  const inst = pickInstance(c);
  s.jobs.instance[job] = inst;
  s.instanceInFlight[inst]!++;
  if (c.trace) {
    const id = s.jobs.requestId[job]!;
    if (!m.scenario.topology.cdn) {
      const start = s.jobs.start[job]!;
      traceHop(
        c.trace,
        id,
        key,
        'client',
        'lb',
        start,
        s.now - m.scenario.network.clientMs / 2,
        'request',
        null,
      );
    }
    traceHop(
      c.trace,
      id,
      key,
      'lb',
      appNode(inst),
      s.now - m.scenario.network.clientMs / 2,
      s.now,
      'request',
      null,
    );
  }
  if (s.instanceUp[inst] === 0) return respond(c, job, 0, 'error'); // every instance is down
  if (!isRead) {
    const write = m.hooks.write;
    if (write !== null && write(c, job)) return;
  }
  if (!isRead || m.scenario.cache.strategy === 'none' || (m.groups !== null && !isCached(m, key))) {
    sendToDb(c, job);
    return;
  }
  if (m.l1Enabled) {
    const v = l1Get(s.l1[inst]!, key, s.now);
    if (v >= 0) {
      s.metrics.l1Hits++;
      s.metrics.interval[I_L1_HIT]!++;
      respond(c, job, v, 'l1-hit');
      return;
    }
    s.metrics.l1Misses++;
    s.metrics.interval[I_L1_MISS]!++;
    if (m.coalesceReads && joinFlight(c, job)) return;
    const l1Miss = m.hooks.l1Miss;
    if (l1Miss !== null && l1Miss(c, job)) return;
  }
  sendGet(c, job);
}

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
  const end = s.now + c.m.scenario.network.clientMs + c.m.edgeHopMs;
  const hooks = c.m.hooks;
  // A client that gave up (or will have by the time this arrives) never sees it: the work ends here.
  if (hooks.replying !== null && hooks.replying(c, job, end)) {
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
