import { schedule } from '../core/eventQueue.ts';
import { serviceTime } from '../core/samplers.ts';
import { l1Delete } from '../core/l1Cache.ts';
import { appNode, dbHop, EV_DB_ARRIVE, EV_DB_DONE, EV_DB_REPLY, type Ctx } from './context.ts';
import { freeJob, JOB_READ_REFILL, JOB_WRITE } from './jobs.ts';
import { isCached } from './keyspace.ts';
import { closeConnectionTime, I_DB_READ, I_DB_WRITE, integrateDb } from './metrics.ts';
import type { Model } from './shapes.ts';
import { sendDel, sendSet, sendSetAndWait } from './redisSend.ts';
import { fillL1, respond } from './reply.ts';
import { dequeueWaiting, enqueueWaiting } from './state.ts';
import { refused, REFUSED_DB_QUEUE } from './refusals.ts';
import { traceHop } from './trace.ts';

/** The instance sends a query (read or write) to the database. */
export function sendToDb(c: Ctx, job: number): void {
  const s = c.s;
  const arrive = s.now + dbHop(c);
  schedule(s.queue, arrive, EV_DB_ARRIVE, job, 0);
  if (c.trace) {
    const j = s.jobs;
    const op = j.kind[job] === JOB_WRITE ? 'write' : 'read';
    const outcome = j.kind[job] === JOB_WRITE ? 'write' : 'db';
    traceHop(
      c.trace,
      j.requestId[job]!,
      j.key[job]!,
      appNode(j.instance[job]!),
      'db',
      s.now,
      arrive,
      op,
      outcome,
    );
  }
}

/**
 * A read that missed every cache goes to the database, unless a mechanism takes it at the `l2Miss` point
 * (it waits for another read's fetch, or for a lock).
 */
export function fetchFromDb(c: Ctx, job: number): void {
  const miss = c.m.hooks.l2Miss;
  if (miss !== null && miss(c, job)) return;
  sendToDb(c, job);
}

/**
 * A query that never got a connection (timed out, or refused by a full queue). The app sees the error
 * at once: the pool lives in the app. A client's request fails (and may be retried); a mechanism's job
 * goes where its kind says (a write-behind batch is sent again); other background reads are dropped.
 *
 * @example
 * if (s.db.waitLen >= c.m.dbMaxQueue) return failQuery(c, job);
 */
export function failQuery(c: Ctx, job: number): void {
  const kind = c.s.jobs.kind[job]!;
  const own = c.plan.dbFailed[kind];
  if (c.plan.clientJob[kind] === 1) respond(c, job, 0, 'error');
  else if (own !== undefined) own(c, job);
  else freeJob(c.s.jobs, job);
}

function startService(c: Ctx, job: number): void {
  const s = c.s;
  const db = c.m.scenario.database;
  const mt = s.metrics;
  s.db.inUse++;
  if (s.db.inUse > mt.peakDbConcurrency) mt.peakDbConcurrency = s.db.inUse;
  mt.dbWaitSum += s.now - s.jobs.dbArrive[job]!;
  const kind = s.jobs.kind[job]!;
  const own = c.plan.serviceMs[kind];
  const mean = kind === JOB_WRITE ? db.writeMs : own !== undefined ? own(c, job) : db.readMs;
  schedule(
    s.queue,
    s.now + serviceTime(s.rng, db.serviceTime, mean) * s.db.latencyFactor,
    EV_DB_DONE,
    job,
    0,
  );
}

/** A query reaches the database: it takes a free connection or waits in line (FIFO). */
export function onDbArrive(c: Ctx, job: number): void {
  const s = c.s;
  integrateDb(s.metrics, s.now, s.db.inUse, s.db.waitLen);
  s.jobs.dbArrive[job] = s.now;
  const arrive = c.m.hooks.dbArrive;
  if (arrive !== null && arrive(c, job)) return;
  if (s.db.inUse < c.m.dbConnections) {
    startService(c, job);
    return;
  }
  if (s.db.waitLen >= c.m.dbMaxQueue) {
    refused(c, REFUSED_DB_QUEUE);
    failQuery(c, job);
    return;
  }
  enqueueWaiting(s.db, job);
  const queued = c.m.hooks.dbQueued;
  if (queued !== null) queued(c);
  if (s.db.waitLen > s.metrics.peakDbQueue) s.metrics.peakDbQueue = s.db.waitLen;
}

/**
 * A connection is free: the next query in line takes it. The pool size is read here, not only on
 * arrival, so a pool made smaller mid-run lets running queries finish and starts nothing until it is
 * below its new size.
 */
function startWaiting(c: Ctx): void {
  const db = c.s.db;
  if (db.waitLen > 0 && db.inUse < c.m.dbConnections) startService(c, dequeueWaiting(db));
}

/**
 * The pool size changed mid-run: the connection-time integral behind `utilisation` is closed at the old
 * size, and when the pool grew, queries waiting in line start at once.
 *
 * @example
 * reconcileDbPool(c, before); // after a change of database.connections
 */
export function reconcileDbPool(c: Ctx, before: Model): void {
  const s = c.s;
  const was = before.scenario.database.connections;
  const size = c.m.scenario.database.connections;
  if (size === was) return;
  closeConnectionTime(s.metrics, s.now, was);
  integrateDb(s.metrics, s.now, s.db.inUse, s.db.waitLen);
  while (s.db.waitLen > 0 && s.db.inUse < size) startService(c, dequeueWaiting(s.db));
}

/** A query finishes: a write commits a new version; the connection goes to the next in line. */
export function onDbDone(c: Ctx, job: number): void {
  const s = c.s;
  const mt = s.metrics;
  const j = s.jobs;
  const key = j.key[job]!;
  integrateDb(mt, s.now, s.db.inUse, s.db.waitLen);
  s.db.inUse--;
  const kind = j.kind[job]!;
  const own = c.plan.dbDone[kind];
  if (own !== undefined && own(c, job)) {
    startWaiting(c); // the mechanism is done with it (a write-behind batch: applied, no reply)
    return;
  }
  if (kind === JOB_WRITE) {
    // The next version after the newest acknowledged one (ahead of `versions` only under write-behind).
    const v = s.db.latest[key]! + 1;
    s.db.versions[key] = v;
    s.db.latest[key] = v;
    s.db.latestAt[key] = s.now;
    s.db.commitTime[key] = s.now;
    const commit = c.m.hooks.commit;
    if (commit !== null) commit(c, key, v);
    mt.dbWrites++;
    mt.interval[I_DB_WRITE]!++;
  } else if (c.plan.countsAsRead[kind] === 1) {
    mt.dbReads++;
    mt.interval[I_DB_READ]!++;
  }
  mt.dbDone++;
  mt.dbLatencySum += s.now - j.dbArrive[job]!;
  startWaiting(c);
  const back = s.now + dbHop(c);
  const version = s.db.versions[key]!;
  schedule(s.queue, back, EV_DB_REPLY, job, version);
  const done = c.m.hooks.dbDone;
  if (done !== null) done(c, job, version);
  if (c.trace) {
    const outcome = j.kind[job] === JOB_WRITE ? 'write' : 'db';
    traceHop(c.trace, j.requestId[job]!, key, 'db', appNode(j.instance[job]!), s.now, back, 'reply', outcome);
  }
}

/** The database's answer reaches the instance, which updates its caches as the strategy says. */
export function onDbReply(c: Ctx, job: number, version: number): void {
  const s = c.s;
  const j = s.jobs;
  const key = j.key[job]!;
  const inst = j.instance[job]!;
  const strategy = c.m.scenario.cache.strategy;
  const own = c.plan.dbReply[j.kind[job]!];
  if (own !== undefined) return own(c, job, version);
  const reply = c.m.hooks.dbReply;
  if (reply !== null) reply(c, job, version);
  if (j.kind[job] === JOB_WRITE) {
    if (strategy === 'cache-aside') {
      sendDel(c, key, inst);
      l1Delete(s.l1[inst]!, key);
    } else if (strategy === 'cache-aside-update') {
      sendSet(c, key, inst, version);
      fillL1(c, inst, key, version);
    } else if (strategy === 'write-through') {
      fillL1(c, inst, key, version);
      sendSetAndWait(c, job, version);
      return;
    }
    respond(c, job, version, 'write');
    return;
  }
  if (strategy !== 'none' && isCached(c.m, key)) {
    fillL1(c, inst, key, version);
    // Not `coalesceReads`: a flight started before coalescing was switched off still covers its SET.
    if (s.flights > 0 && s.inflight[inst]!.get(key) === job) {
      // The flight's leader: it and its waiters are answered once the refill SET is acknowledged, so a
      // read that misses before the SET lands joins this flight instead of starting another.
      j.kind[job] = JOB_READ_REFILL;
      sendSetAndWait(c, job, version);
      return;
    }
    sendSet(c, key, inst, version);
  }
  respond(c, job, version, 'db'); // also answers the reads coalesced on this one
}
