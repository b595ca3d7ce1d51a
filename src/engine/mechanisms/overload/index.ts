import { schedule } from '../../core/eventQueue.ts';
import { random } from '../../core/rng.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import type { Ctx } from '../../flow/context.ts';
import { JOB_WRITE } from '../../flow/jobs.ts';
import { eventType } from '../../flow/kinds.ts';
import type { Mechanism } from '../../flow/mechanism.ts';
import { REFUSED_ACQUIRE_TIMEOUT, REFUSED_DB_QUEUE, REFUSED_REDIS_QUEUE } from '../../flow/refusals.ts';
import { recordClientOutcome, traceResponse } from '../../flow/reply.ts';
import { startRequest } from '../../flow/requests.ts';
import type { CoreSeriesPoint, Outcome } from '../../flow/types.ts';
import type { PointOf } from '../../../series/field.ts';
import { OVERLOAD_SERIES } from './series.ts';

/**
 * How clients give up under overload, as real ones do.
 * - The client waits `workload.client.timeoutMs` at most. Then it counts an error, and the request's
 *   work goes on unseen (a database query already running keeps its connection, as in real life).
 * - After a timeout or an error the client may try again, up to `retries` times, each retry a new
 *   request sent after an exponential backoff with full jitter: retry k waits U(0, backoffMs * 2^(k-1)).
 * It acts only when the scenario asks for it. (The pool's acquire timeout is the poolTimeout mechanism;
 * the queue bounds are the flow's own, always on.) Its Summary part also shows those: `overload`.
 */

/** The client's patience for one request ends. a: job, b: its request id (the slot may be reused). */
export const EV_CLIENT_TIMEOUT = eventType('overload.timeout');
/** A client's retry reaches the edge or an instance. a: key, b: attempt * 2 + (1 for a read). */
export const EV_CLIENT_RETRY = eventType('overload.retry');

/** Derived from the scenario; null when the client neither times out nor retries. */
export interface ClientModel {
  timeoutMs: number;
  retries: number;
  backoffMs: number;
}

const modelOf = (c: Ctx): ClientModel => c.m.mech.overload as ClientModel;

/**
 * What the clients gave up on and sent again (over the run, and since the last sample), and the work the
 * system refused under load (told at the `refused` point).
 */
interface ClientCounts {
  timeouts: number;
  retries: number;
  intervalTimeouts: number;
  intervalRetries: number;
  acquireTimeouts: number;
  dbQueueRejections: number;
  redisQueueRejections: number;
}

const countsOf = (c: Ctx): ClientCounts => c.s.mech.overload as ClientCounts;

function clientModel(scenario: Scenario): ClientModel | null {
  const { client } = scenario.workload;
  if (client.timeoutMs === null && client.retries === 0) return null;
  return { timeoutMs: client.timeoutMs ?? Infinity, retries: client.retries, backoffMs: client.backoffMs };
}

const deadlineOf = (c: Ctx, job: number): number => c.s.jobs.start[job]! + modelOf(c).timeoutMs;

/** Sets the client's timer for a request just created (it left the client at `start`). */
function armClientTimeout(c: Ctx, job: number): boolean {
  const deadline = deadlineOf(c, job);
  if (deadline === Infinity) return false;
  // A timeout shorter than the hop in: the client gives up as the request arrives.
  const at = deadline > c.s.now ? deadline : c.s.now;
  schedule(c.s.queue, at, EV_CLIENT_TIMEOUT, job, c.s.jobs.requestId[job]!);
  return false;
}

/** The client's timer ran out: unless the request was answered meanwhile, the client gives up on it. */
function onClientTimeout(c: Ctx, job: number, requestId: number): void {
  const j = c.s.jobs;
  if (j.requestId[job] !== requestId || j.gone[job] === 1) return;
  // The timer may fire late (a timeout shorter than the hop in): the client gave up at its deadline.
  giveUp(c, job, Math.min(c.s.now, deadlineOf(c, job)));
}

/**
 * Whether the client has given up on `job`, or will have before a response sent now reaches it at
 * `end`; in the latter case it gives up now, at its deadline.
 */
function clientGaveUp(c: Ctx, job: number, end: number): boolean {
  const j = c.s.jobs;
  if (j.gone[job] === 1) return true;
  const deadline = deadlineOf(c, job);
  if (end <= deadline) return false;
  giveUp(c, job, deadline);
  return true;
}

/** The client stops waiting at `at`: a timeout, seen as an error, then perhaps a retry. */
function giveUp(c: Ctx, job: number, at: number): void {
  const s = c.s;
  s.jobs.gone[job] = 1;
  const counts = countsOf(c);
  counts.timeouts++;
  counts.intervalTimeouts++;
  recordClientOutcome(c, job, 'error', false, at);
  if (c.trace) {
    // The client's side of it: an error where the response should have come from.
    const hop = c.m.scenario.network.clientMs;
    const from = Math.max(s.jobs.start[job]!, at - hop);
    traceResponse(c, job, from, at, 'error', -1, -1);
  }
  retryLater(c, job, at);
}

/**
 * After a failed attempt that ended for the client at `at`, sends the request again when the client
 * still has retries: after the backoff, plus the hop to the edge or instance.
 */
function retryLater(c: Ctx, job: number, at: number): void {
  const s = c.s;
  const o = modelOf(c);
  const attempt = s.jobs.attempt[job]!;
  if (attempt >= o.retries || c.plan.clientJob[s.jobs.kind[job]!] === 0) return;
  const counts = countsOf(c);
  counts.retries++;
  counts.intervalRetries++;
  const backoff = random(s.rng) * o.backoffMs * 2 ** attempt;
  const isRead = s.jobs.kind[job] !== JOB_WRITE;
  // Never before now: a client that gave up before its request even arrived retries from here.
  schedule(
    s.queue,
    Math.max(at + backoff + c.m.arrivalHopMs, s.now),
    EV_CLIENT_RETRY,
    s.jobs.key[job]!,
    (attempt + 1) * 2 + (isRead ? 1 : 0),
  );
}

/** A failed response reached the client: it may try again. */
function onReplied(c: Ctx, job: number, _version: number, outcome: Outcome, end: number): void {
  if (outcome === 'error') retryLater(c, job, end);
}

/** Work refused under load: counted by why. */
function onRefused(c: Ctx, why: number): void {
  const counts = countsOf(c);
  if (why === REFUSED_DB_QUEUE) counts.dbQueueRejections++;
  else if (why === REFUSED_REDIS_QUEUE) counts.redisQueueRejections++;
  else if (why === REFUSED_ACQUIRE_TIMEOUT) counts.acquireTimeouts++;
}

/** A retry arrives: a new request for the same key, one attempt further. */
function onClientRetry(c: Ctx, key: number, packed: number): void {
  startRequest(c, packed % 2 === 1, key, packed >> 1);
}

/** How the system gave up under overload (see `workload.client`, `database.acquireTimeoutMs`). */
export interface OverloadSummary {
  /** Requests the client stopped waiting for (counted in `errors`; their work went on). */
  timeouts: number;
  /** Retries the clients sent, each a new request. */
  retries: number;
  /** Queries that waited `acquireTimeoutMs` for a connection and failed. */
  acquireTimeouts: number;
  /** Queries refused because `database.maxQueue` were waiting. */
  dbQueueRejections: number;
  /** Commands refused by a shard with `cache.l2.maxQueue` waiting (also in `redisErrors`). */
  redisQueueRejections: number;
}

export const overload: Mechanism<ClientModel | null, ClientCounts, { overload: OverloadSummary }> = {
  name: 'overload',
  reads: ['workload.client', 'network.clientMs'],
  model: clientModel,
  // The refusals are counted whether or not the clients time out.
  hooks: (on) =>
    on === null
      ? { refused: onRefused }
      : { arrive: armClientTimeout, replying: clientGaveUp, replied: onReplied, refused: onRefused },
  events: [
    [EV_CLIENT_TIMEOUT, onClientTimeout],
    [EV_CLIENT_RETRY, onClientRetry],
  ],
  // Kept whether or not the clients time out, so a live change that turns them on counts from there.
  // No reconcile: counts only; `workload.client` is restart-only, and `network.clientMs` is read at
  // each timeout and retry.
  state: () => ({
    timeouts: 0,
    retries: 0,
    intervalTimeouts: 0,
    intervalRetries: 0,
    acquireTimeouts: 0,
    dbQueueRejections: 0,
    redisQueueRejections: 0,
  }),
  series: OVERLOAD_SERIES,
  // Its fields of the series point (`timeouts`, `retries`): the interval's counts.
  sample: (c, point) => {
    const counts = countsOf(c);
    const p = point as CoreSeriesPoint & PointOf<typeof OVERLOAD_SERIES>;
    p.timeouts = counts.intervalTimeouts;
    p.retries = counts.intervalRetries;
    counts.intervalTimeouts = 0;
    counts.intervalRetries = 0;
  },
  summary: (c) => {
    const counts = countsOf(c);
    return {
      overload: {
        timeouts: counts.timeouts,
        retries: counts.retries,
        acquireTimeouts: counts.acquireTimeouts,
        dbQueueRejections: counts.dbQueueRejections,
        redisQueueRejections: counts.redisQueueRejections,
      },
    };
  },
};
