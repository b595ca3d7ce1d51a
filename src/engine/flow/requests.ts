import { randomInt } from '../core/rng.ts';
import { l1Get } from '../core/l1Cache.ts';
import { appNode, type Ctx } from './context.ts';
import { sendToDb } from './dbFlow.ts';
import { allocJob, JOB_READ, JOB_WRITE } from './jobs.ts';
import { isCached, l2TtlOf, valueBytesOf } from './keyspace.ts';
import { I_L1_HIT, I_L1_MISS } from './metrics.ts';
import { sendGet } from './redisSend.ts';
import { joinFlight, respond } from './reply.ts';
import type { State } from './stateShapes.ts';
import { traceHop } from './trace.ts';
import { REQUEST_READ, REQUEST_WRITE } from './types.ts';

/** A request's way in: the edge hop, the load balancer, the L1, then Redis or the database. */

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

function pickInstance(c: Ctx): number {
  const n = c.m.instances;
  let i: number;
  if (c.m.randomBalancer) i = randomInt(c.s.rng, n);
  else {
    i = c.s.rrNext;
    c.s.rrNext = (i + 1) % n;
  }
  // A crashed instance is skipped until it restarts.
  return c.s.instanceUp[i] === 1 ? i : nextUpInstance(c.s, i);
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
  if (c.made !== null && attempt === 0) madeRequest(c, s.now, key, isRead ? REQUEST_READ : REQUEST_WRITE);
  const arrive = m.hooks.arrive;
  if (arrive !== null && arrive(c, job)) return;
  admit(c, job);
}

/** Tells RunOptions.onRequest of a request made now (a replayed delete says so itself). */
export function madeRequest(c: Ctx, timeMs: number, key: number, kind: number): void {
  c.made?.({ timeMs, key, kind, valueBytes: valueBytesOf(c.m, key), l2TtlMs: l2TtlOf(c.m, key) });
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
  } else {
    const read = m.hooks.read;
    if (read !== null && read(c, job)) return;
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
