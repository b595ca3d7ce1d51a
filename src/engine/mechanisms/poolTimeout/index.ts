import { scheduleTick, type Ctx } from '../../flow/context.ts';
import { failQuery } from '../../flow/dbFlow.ts';
import { eventType } from '../../flow/kinds.ts';
import type { Mechanism } from '../../flow/mechanism.ts';
import { integrateDb } from '../../flow/metrics.ts';
import { refused, REFUSED_ACQUIRE_TIMEOUT } from '../../flow/refusals.ts';
import { dequeueWaiting } from '../../flow/state.ts';

/**
 * The connection pool gives up on a query that waited `database.acquireTimeoutMs` for a connection, as
 * HikariCP's `connectionTimeout` does. The wait queue is FIFO and every query has the same timeout, so
 * the queries that time out are always at its head: one timer, set for the head's deadline, is enough
 * (no event per query, none while nobody waits). Always on, as in every real pool.
 */

/** The oldest query waiting for a connection may have waited `acquireTimeoutMs`. */
export const EV_ACQUIRE_TIMEOUT = eventType('poolTimeout.expire');

interface TimerState {
  /** A timer is pending for the head of the wait queue. */
  set: boolean;
}

const timeoutMs = (c: Ctx): number => c.m.mech.poolTimeout as number;
const stateOf = (c: Ctx): TimerState => c.s.mech.poolTimeout as TimerState;

/** A query joined the wait queue: make sure a timer is set for the oldest waiter. */
function armAcquireTimer(c: Ctx): void {
  const db = c.s.db;
  const st = stateOf(c);
  if (st.set || db.waitLen === 0) return;
  st.set = true;
  const head = db.waiting[db.waitHead]!;
  scheduleTick(c, c.s.jobs.dbArrive[head]! + timeoutMs(c), EV_ACQUIRE_TIMEOUT, 0, 0);
}

/** The timer fires: every waiter whose deadline has come fails; the timer moves to the new head. */
function onAcquireTimeout(c: Ctx): void {
  const s = c.s;
  const db = s.db;
  const timeout = timeoutMs(c);
  stateOf(c).set = false;
  while (db.waitLen > 0 && s.jobs.dbArrive[db.waiting[db.waitHead]!]! + timeout <= s.now) {
    integrateDb(s.metrics, s.now, db.inUse, db.waitLen);
    const job = dequeueWaiting(db);
    refused(c, REFUSED_ACQUIRE_TIMEOUT);
    failQuery(c, job);
  }
  armAcquireTimer(c);
}

export const poolTimeout: Mechanism<number, TimerState> = {
  name: 'poolTimeout',
  reads: ['database.acquireTimeoutMs'],
  model: (scenario) => scenario.database.acquireTimeoutMs,
  // No reconcile: `database.acquireTimeoutMs` is restart-only; the timer follows the pool's queue.
  state: () => ({ set: false }),
  hooks: () => ({ dbQueued: armAcquireTimer }),
  events: [[EV_ACQUIRE_TIMEOUT, onAcquireTimeout]],
};
