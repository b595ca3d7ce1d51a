import { l1Delete } from '../../core/l1Cache.ts';
import { schedule } from '../../core/eventQueue.ts';
import type { Ctx } from '../../flow/context.ts';
import { JOB_WRITE } from '../../flow/jobs.ts';
import { eventType, jobKind } from '../../flow/kinds.ts';
import type { Mechanism } from '../../flow/mechanism.ts';
import { sendDel } from '../../flow/redisSend.ts';
import { respond } from '../../flow/reply.ts';
import { madeRequest, startRequest } from '../../flow/requests.ts';
import type { Source } from '../../flow/shapes.ts';
import { REQUEST_DELETE, REQUEST_READ } from '../../flow/types.ts';
import { replayModel, type ReplayModel } from './model.ts';

/**
 * Replay of a cache trace (`workload.trace`, docs/traces.md): the trace's requests, handed to the run in
 * `RunOptions.workload`, arrive in its order at its times (scaled by `timeScale`, from its first second),
 * in place of the Poisson arrivals and the Zipf draw. A read is a read, a write a write that follows the
 * scenario's strategy, a delete a write whose cache action is an invalidation (DEL from Redis and the
 * instance's L1) whatever the strategy; each key has the value size and TTL the trace gives it. Requests
 * that share a timestamp (traces in whole seconds hold thousands) are spread evenly until the next one,
 * at most a second. Everything after the arrival is the flow's and the mechanisms', as for drawn traffic.
 *
 * One arrival event is pending at a time, so the queue does not hold the trace.
 */

export const EV_REPLAY_ARRIVAL = eventType('replay.arrival');
/** A delete on its way back from the database (a write until it committed). */
export const JOB_REPLAY_DELETE = jobKind('replay.delete');

export interface ReplayState {
  /** Requests made so far (the next one's index). */
  made: number;
  /** The group of requests sharing the next one's timestamp: [start, end), spread over `spanMs`. */
  groupStart: number;
  groupEnd: number;
  groupSpanMs: number;
  deletes: number;
  /** Request ids of deletes on their way to the database. */
  pending: Map<number, number>;
}

const modelOf = (c: Ctx): ReplayModel => c.m.mech.replay as ReplayModel;
const stateOf = (c: Ctx): ReplayState => c.s.mech.replay as ReplayState;

/** When request `i` arrives (simulated ms); finds its timestamp's group when it starts a new one. */
function arrivalOf(c: Ctx, x: ReplayState, i: number): number {
  const m = modelOf(c);
  const t = m.requests.timeMs;
  const n = m.requests.length;
  if (i >= x.groupEnd) {
    let j = i + 1;
    while (j < n && t[j] === t[i]) j++;
    x.groupStart = i;
    x.groupEnd = j;
    const gap = j < n ? t[j]! - t[i]! : 1000;
    x.groupSpanMs = gap > 0 && gap < 1000 ? gap : 1000;
  }
  const k = x.groupEnd - x.groupStart;
  const offset = k > 1 ? ((i - x.groupStart) * x.groupSpanMs) / k : 0;
  const at = (t[i]! - m.originMs + offset) / m.timeScale;
  return at > c.s.now ? at : c.s.now; // a trace out of order plays its late requests at once
}

function scheduleNext(c: Ctx): void {
  const x = stateOf(c);
  if (x.made >= modelOf(c).requests.length) return;
  schedule(c.s.queue, arrivalOf(c, x, x.made), EV_REPLAY_ARRIVAL, x.made, 0);
}

/** Request `i` of the trace is made now. */
function onArrival(c: Ctx, i: number): void {
  const m = modelOf(c);
  const x = stateOf(c);
  x.made = i + 1;
  scheduleNext(c);
  const key = m.requests.key[i]!;
  const kind = m.requests.kind[i]!;
  if (kind !== REQUEST_DELETE) return startRequest(c, kind === REQUEST_READ, key, 0);
  x.deletes++;
  const j = c.s.jobs;
  const id = j.nextRequestId; // the id startRequest's job takes, and the slot (allocJob's pick)
  const slot = j.freeCount > 0 ? j.free[j.freeCount - 1]! : j.kind.length;
  const made = c.made;
  c.made = null;
  startRequest(c, false, key, 0);
  c.made = made;
  if (made !== null) madeRequest(c, c.s.now, key, REQUEST_DELETE);
  // Not when it is already done (answered or failed at once): its commit will never come.
  if (m.markDeletes && c.s.jobs.requestId[slot] === id) x.pending.set(id, key);
}

const source: Source = {
  start: scheduleNext,
  rateChanged: () => {}, // the trace sets the rate; workload.rps does not apply
};

/** A write committed: a delete's becomes the replay's job, whose reply invalidates the caches. */
function onDbDone(c: Ctx, job: number): void {
  const x = stateOf(c);
  if (x.pending.size === 0) return;
  const j = c.s.jobs;
  if (j.kind[job] !== JOB_WRITE || !x.pending.delete(j.requestId[job]!)) return;
  j.kind[job] = JOB_REPLAY_DELETE;
}

/** A delete's commit is acknowledged: its key leaves Redis and the instance's L1, and the client is answered. */
function onDeleteReply(c: Ctx, job: number, version: number): void {
  const j = c.s.jobs;
  const key = j.key[job]!;
  const inst = j.instance[job]!;
  sendDel(c, key, inst);
  l1Delete(c.s.l1[inst]!, key);
  j.kind[job] = JOB_WRITE; // answered and counted as the write it is
  respond(c, job, version, 'write');
}

/** The replay's part of the Summary, only when a trace is replayed. */
export interface ReplaySummary {
  trace: string;
  timeScale: number;
  /** Requests in the trace, and those made by the end of the run. */
  traceRequests: number;
  made: number;
  deletes: number;
}

function summary(c: Ctx): { replay?: ReplaySummary } {
  const m = c.m.mech.replay as ReplayModel | null;
  if (m === null) return {};
  const x = stateOf(c);
  return {
    replay: {
      trace: m.name,
      timeScale: m.timeScale,
      traceRequests: m.requests.length,
      made: x.made,
      deletes: x.deletes,
    },
  };
}

export const replay: Mechanism<ReplayModel | null, ReplayState, { replay?: ReplaySummary }> = {
  name: 'replay',
  reads: ['workload.trace', 'workload.keys', 'cache.strategy'],
  model: replayModel,
  // No reconcile: the trace is restart-only; a change of `workload.rps` reaches its source's `rateChanged`.
  state: () => ({ made: 0, groupStart: 0, groupEnd: 0, groupSpanMs: 0, deletes: 0, pending: new Map() }),
  source: (part) => (part === null ? null : source),
  perKey: (part) => (part === null ? null : part.perKey),
  hooks: (part) => (part === null || !part.markDeletes ? {} : { dbDone: onDbDone }),
  events: [[EV_REPLAY_ARRIVAL, (c, a) => onArrival(c, a)]],
  jobs: [{ kind: JOB_REPLAY_DELETE, client: true, countsAsRead: false, dbReply: onDeleteReply }],
  summary,
};
