import { integrateDb } from './metrics.ts';
import { scheduleTick, type Ctx } from './context.ts';
import { freeJob } from './jobs.ts';
import { EV_ACQUIRE_TIMEOUT, isClientJob } from './overload.ts';
import { respond } from './requests.ts';
import { dequeueWaiting } from './state.ts';
import { sendToDb } from './dbFlow.ts';
import { JOB_FLUSH } from './writeBehind.ts';
import { JOB_REFRESH } from './stampede/mitigation.ts';
import { onRefreshFailed } from './stampede/backgroundRefresh.ts';

/**
 * The connection pool gives up on a query that waited `database.acquireTimeoutMs` for a connection, as
 * HikariCP's `connectionTimeout` does, and refuses one beyond `database.maxQueue`. The wait queue is
 * FIFO and every query has the same timeout, so the queries that time out are always at its head: one
 * timer, set for the head's deadline, is enough (no event per query, none while nobody waits).
 */

/**
 * A query joined the wait queue: make sure a timer is set for the oldest waiter.
 *
 * @example
 * enqueueWaiting(s.db, job);
 * armAcquireTimer(c);
 */
export function armAcquireTimer(c: Ctx): void {
  const db = c.s.db;
  if (db.acquireTimerSet || db.waitLen === 0) return;
  db.acquireTimerSet = true;
  const head = db.waiting[db.waitHead]!;
  scheduleTick(c, c.s.jobs.dbArrive[head]! + c.m.overload.acquireTimeoutMs, EV_ACQUIRE_TIMEOUT, 0, 0);
}

/** The timer fires: every waiter whose deadline has come fails; the timer moves to the new head. */
export function onAcquireTimeout(c: Ctx): void {
  const s = c.s;
  const db = s.db;
  const timeout = c.m.overload.acquireTimeoutMs;
  db.acquireTimerSet = false;
  while (db.waitLen > 0 && s.jobs.dbArrive[db.waiting[db.waitHead]!]! + timeout <= s.now) {
    integrateDb(s.metrics, s.now, db.inUse, db.waitLen);
    const job = dequeueWaiting(db);
    s.metrics.acquireTimeouts++;
    failQuery(c, job);
  }
  armAcquireTimer(c);
}

/**
 * A query that never got a connection (timed out, or refused by a full queue). The app sees the error
 * at once: the pool lives in the app. A client's request fails (and may be retried); a write-behind
 * batch is sent again; the refresher looks at its key again later; other background reads are dropped.
 *
 * @example
 * if (s.db.waitLen >= c.m.overload.dbMaxQueue) return failQuery(c, job);
 */
export function failQuery(c: Ctx, job: number): void {
  const kind = c.s.jobs.kind[job]!;
  if (isClientJob(kind)) respond(c, job, 0, 'error');
  else if (kind === JOB_FLUSH) sendToDb(c, job);
  else if (kind === JOB_REFRESH) onRefreshFailed(c, job);
  else freeJob(c.s.jobs, job);
}
