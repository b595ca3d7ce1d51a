import { schedule } from '../../core/eventQueue.ts';
import { random, randomInt } from '../../core/rng.ts';
import type { Ctx } from '../../flow/context.ts';
import { freeJob, JOB_READ } from '../../flow/jobs.ts';
import { eventType } from '../../flow/kinds.ts';
import { recordStale } from '../../flow/metrics.ts';
import { recordClientOutcome } from '../../flow/reply.ts';
import { traceHop, traceRequest } from '../../flow/trace.ts';
import type { Outcome } from '../../flow/types.ts';
import { serveWhileRevalidating } from './staleWindows.ts';
import { modelOf, stateOf, type CdnState } from './state.ts';

/*
 * A request at the CDN edge: a read of a fresh copy (or, within stale-while-revalidate, a stale one) is
 * answered there; anything else is sent on to the load balancer. The responses on their way back are in
 * response.ts.
 */

/** The edge sends a job on to the load balancer. a: job. */
export const EV_CDN_FORWARD = eventType('cdn.forward');

/** Notes a job's route and user as it leaves the edge, for its response on the way back. */
function remember(st: CdnState, job: number, route: number, user: number): void {
  if (job >= st.jobRoute.length) {
    let n = st.jobRoute.length;
    while (n <= job) n *= 2;
    const r = new Int32Array(n);
    const u = new Int32Array(n);
    r.set(st.jobRoute);
    u.set(st.jobUser);
    st.jobRoute = r;
    st.jobUser = u;
  }
  st.jobRoute[job] = route;
  st.jobUser[job] = user;
}

/**
 * A request reaches the edge (`start` is when it left the client). A read of a stored, unexpired copy
 * is answered here and never reaches the load balancer; anything else goes on to the origin.
 */
export function cdnArrival(c: Ctx, job: number): boolean {
  const s = c.s;
  const cm = modelOf(c);
  const st = stateOf(c);
  const j = s.jobs;
  const key = j.key[job]!;
  const u = random(s.rng);
  let route = 0;
  while (u >= cm.cumShare[route]!) route++;
  const user = randomInt(s.rng, c.m.scenario.workload.users);
  if (c.trace)
    traceHop(c.trace, j.requestId[job]!, key, 'client', 'cdn', j.start[job]!, s.now, 'request', null);
  if (j.kind[job] === JOB_READ) {
    if (cm.storable[route] === 0) st.uncacheable++;
    else if (st.version[route]![key]! >= 0) {
      const expires = st.expires[route]![key]!;
      if (s.now < expires) {
        answerAtEdge(c, job, route, user);
        return true;
      }
      const ws = st.windows;
      if (ws !== null) {
        const age = s.now - expires + cm.ttlMs[route]!;
        const send = (r: number) => forward(c, r, route, -1);
        if (serveWhileRevalidating(c, ws, cm.windows!, route, key, s.now - expires, age, send)) {
          answerAtEdge(c, job, route, user);
          return true;
        }
      }
    }
    st.misses++;
  }
  forward(c, job, route, user);
  return true;
}

/** Sends a job on from the edge to the load balancer, one client hop away. */
function forward(c: Ctx, job: number, route: number, user: number): void {
  const s = c.s;
  const j = s.jobs;
  const key = j.key[job]!;
  remember(stateOf(c), job, route, user);
  const at = s.now + c.m.scenario.network.clientMs;
  schedule(s.queue, at, EV_CDN_FORWARD, job, 0);
  if (c.trace)
    traceHop(
      c.trace,
      j.requestId[job]!,
      key,
      'cdn',
      'lb',
      s.now,
      at - c.m.scenario.network.clientMs / 2,
      'request',
      null,
    );
}

function answerAtEdge(c: Ctx, job: number, route: number, user: number): void {
  const s = c.s;
  const st = stateOf(c);
  const cm = modelOf(c);
  const j = s.jobs;
  const key = j.key[job]!;
  const version = st.version[route]![key]!;
  // Judged as respond() judges it: against the newest version clients were told about.
  const dbVersion = s.db.latest[key]!;
  const end = s.now + cm.hopMs;
  // A client with a timeout shorter than the round trip to the edge has given up by the time it lands.
  const gone = c.m.hooks.replying;
  if (gone !== null && gone(c, job, end, version, 'cdn-hit')) {
    freeJob(j, job);
    return;
  }
  const stale = version < dbVersion;
  st.hits++;
  const leaked = cm.personalised[route] === 1 && st.user[route]![key] !== user;
  if (leaked) st.crossUserLeaks++;
  if (stale) {
    st.staleHits++;
    recordStale(s.metrics, s.now - s.db.latestAt[key]!);
  }
  const outcome: Outcome = stale ? 'stale' : 'cdn-hit';
  recordClientOutcome(c, job, 'cdn-hit', stale, end);
  if (c.trace) {
    const id = j.requestId[job]!;
    // A leaked response is drawn as an error where it happens: on its way from the edge to the wrong user.
    if (leaked) traceHop(c.trace, id, key, 'cdn', 'client', s.now, end, 'leak', 'error');
    else traceHop(c.trace, id, key, 'cdn', 'client', s.now, end, 'response', outcome);
    traceRequest(c.trace, {
      requestId: id,
      key,
      instance: -1,
      startMs: j.start[job]!,
      endMs: end,
      outcome,
      isWrite: false,
      version,
      dbVersion,
    });
  }
  freeJob(j, job);
}
