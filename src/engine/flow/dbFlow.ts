import { schedule } from '../core/eventQueue.ts';
import { serviceTime } from '../core/samplers.ts';
import { l1Delete } from '../core/l1Cache.ts';
import { appNode, dbHop, EV_DB_ARRIVE, EV_DB_DONE, EV_DB_REPLY, type Ctx } from './context.ts';
import { JOB_READ, JOB_READ_REFILL, JOB_WRITE } from './jobs.ts';
import { closeConnectionTime, I_DB_READ, I_DB_WRITE, integrateDb } from './metrics.ts';
import type { Model } from './model.ts';
import { sendDel, sendSet, sendSetAndWait } from './redisFlow.ts';
import { fillL1, joinFlight, respond } from './requests.ts';
import { dequeueWaiting, enqueueWaiting } from './state.ts';
import { traceHop } from './trace.ts';
import { scheduleCdnPurge } from './cdn.ts';
import { queryCacheLookup, queryCacheOnDone } from './dbExtras.ts';
import { isCached } from './families.ts';
import { publishChange } from './cdc.ts';
import { batchServiceMean, JOB_FLUSH, noteDbRead, onFlushDone } from './writeBehind.ts';
import { isMitigationJob, onMitigationDbReply } from './stampede/hooks.ts';
import { tryLock } from './stampede/lock.ts';
import { JOB_WARM } from './stampede/mitigation.ts';
import { onWarmDone } from './stampede/warming.ts';
import { recordDelta } from './stampede/xfetch.ts';
import { armAcquireTimer, failQuery } from './poolTimeout.ts';

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
 * A read that missed every cache goes to the database. With single-flight, a read for a key this
 * instance is already fetching waits for that fetch instead of sending its own query.
 */
export function fetchFromDb(c: Ctx, job: number): void {
  if (c.m.mit.lock) return tryLock(c, job);
  if (c.m.scenario.cache.stampede.mode === 'single-flight' && joinFlight(c, job)) return;
  sendToDb(c, job);
}

function startService(c: Ctx, job: number): void {
  const s = c.s;
  const db = c.m.scenario.database;
  const mt = s.metrics;
  s.db.inUse++;
  if (s.db.inUse > mt.peakDbConcurrency) mt.peakDbConcurrency = s.db.inUse;
  mt.dbWaitSum += s.now - s.jobs.dbArrive[job]!;
  const kind = s.jobs.kind[job];
  const mean = kind === JOB_WRITE ? db.writeMs : kind === JOB_FLUSH ? batchServiceMean(c, job) : db.readMs;
  schedule(
    s.queue,
    s.now + serviceTime(s.rng, db.serviceTime, mean) * s.dbx.latencyFactor,
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
  if (c.m.queryCacheOn && s.jobs.kind[job] === JOB_READ && queryCacheLookup(c, job)) return;
  if (s.db.inUse < c.m.scenario.database.connections) {
    startService(c, job);
    return;
  }
  if (s.db.waitLen >= c.m.overload.dbMaxQueue) {
    s.metrics.dbQueueRejections++;
    failQuery(c, job);
    return;
  }
  enqueueWaiting(s.db, job);
  armAcquireTimer(c);
  if (s.db.waitLen > s.metrics.peakDbQueue) s.metrics.peakDbQueue = s.db.waitLen;
}

/**
 * A connection is free: the next query in line takes it. The pool size is read here, not only on
 * arrival, so a pool made smaller mid-run lets running queries finish and starts nothing until it is
 * below its new size.
 */
function startWaiting(c: Ctx): void {
  const db = c.s.db;
  if (db.waitLen > 0 && db.inUse < c.m.scenario.database.connections) startService(c, dequeueWaiting(db));
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
  if (j.kind[job] === JOB_FLUSH) {
    onFlushDone(c, job); // a write-behind batch: applied there, no reply to wait for
    startWaiting(c);
    return;
  }
  if (j.kind[job] === JOB_WRITE) {
    // The next version after the newest acknowledged one (ahead of `versions` only under write-behind).
    const v = s.db.latest[key]! + 1;
    s.db.versions[key] = v;
    s.db.latest[key] = v;
    s.db.latestAt[key] = s.now;
    s.db.commitTime[key] = s.now;
    // After a switch away from `cdc` the broker drains, but new commits publish nothing.
    if (s.cdc !== null && c.m.scenario.cache.strategy === 'cdc') publishChange(c, key, v);
    mt.dbWrites++;
    mt.interval[I_DB_WRITE]!++;
  } else if (j.kind[job] === JOB_WARM) {
    onWarmDone(c); // warm-up reads are counted apart from the traffic's
  } else {
    mt.dbReads++;
    mt.interval[I_DB_READ]!++;
  }
  mt.dbDone++;
  mt.dbLatencySum += s.now - j.dbArrive[job]!;
  startWaiting(c);
  const back = s.now + dbHop(c);
  const version = s.db.versions[key]!;
  schedule(s.queue, back, EV_DB_REPLY, job, version);
  if (c.m.queryCacheOn) queryCacheOnDone(c, key, j.kind[job] === JOB_WRITE, version);
  if (c.m.cdn !== null && j.kind[job] === JOB_WRITE) scheduleCdnPurge(c, key);
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
  if (isMitigationJob(j.kind[job]!)) return onMitigationDbReply(c, job, version);
  if (c.m.mit.xfetch) recordDelta(c, job);
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
  if (s.wb !== null) noteDbRead(c, key, version);
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
