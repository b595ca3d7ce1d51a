import { schedule } from '../core/eventQueue.ts';
import { random } from '../core/rng.ts';
import type { Scenario, Summary } from '../types.ts';
import type { Ctx } from './context.ts';
import { JOB_READ, JOB_READ_REFILL, JOB_WRITE } from './jobs.ts';
import { I_RETRY, I_TIMEOUT } from './metrics.ts';
import { recordClientOutcome, startRequest, traceResponse } from './requests.ts';
import { JOB_FALL_THROUGH, JOB_LOCK_HOLDER } from './stampede/mitigation.ts';

/**
 * How the system gives up under overload, as real ones do.
 * - The client waits `workload.client.timeoutMs` at most. Then it counts an error, and the request's
 *   work goes on unseen (a database query already running keeps its connection, as in real life).
 * - After a timeout or an error the client may try again, up to `retries` times, each retry a new
 *   request sent after an exponential backoff with full jitter: retry k waits U(0, backoffMs * 2^(k-1)).
 * - A query waits at most `database.acquireTimeoutMs` for a connection (HikariCP's connectionTimeout),
 *   then leaves the queue and fails; `database.maxQueue` and `cache.l2.maxQueue` bound the queues.
 * The client's part costs one branch per request unless the scenario asks for it. The acquire timeout
 * and the shard bound are always on: one comparison per query or command, and an event only while
 * queries wait.
 */

/** Event types 60-69 are reserved for overload. */
/** The client's patience for one request ends. a: job, b: its request id (the slot may be reused). */
export const EV_CLIENT_TIMEOUT = 60;
/** A client's retry reaches the edge or an instance. a: key, b: attempt * 2 + (1 for a read). */
export const EV_CLIENT_RETRY = 61;
/** The oldest query waiting for a connection may have waited `acquireTimeoutMs`. */
export const EV_ACQUIRE_TIMEOUT = 62;

/** Derived once from the scenario. Bounds that are off are Infinity, so a check is one comparison. */
export interface OverloadModel {
  /** The client has a timeout or retries: the per-request hooks run. */
  clientOn: boolean;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  acquireTimeoutMs: number;
  dbMaxQueue: number;
  /** `cache.l2.maxQueue` as time: a shard busy this far ahead refuses the command. */
  redisMaxBacklogMs: number;
}

export function createOverloadModel(scenario: Scenario): OverloadModel {
  const { client } = scenario.workload;
  const { database } = scenario;
  const l2 = scenario.cache.l2;
  return {
    clientOn: client.timeoutMs !== null || client.retries > 0,
    timeoutMs: client.timeoutMs ?? Infinity,
    retries: client.retries,
    backoffMs: client.backoffMs,
    acquireTimeoutMs: database.acquireTimeoutMs,
    dbMaxQueue: database.maxQueue ?? Infinity,
    redisMaxBacklogMs: l2.maxQueue * l2.serviceMs,
  };
}

/** Jobs a client waits on: its read or write, also while it holds a stampede lock or falls through. */
export const isClientJob = (kind: number): boolean =>
  kind === JOB_READ ||
  kind === JOB_WRITE ||
  kind === JOB_READ_REFILL ||
  kind === JOB_LOCK_HOLDER ||
  kind === JOB_FALL_THROUGH;

const deadlineOf = (c: Ctx, job: number): number => c.s.jobs.start[job]! + c.m.overload.timeoutMs;

/**
 * Sets the client's timer for a request just created (it left the client at `start`).
 *
 * @example
 * if (c.m.overload.clientOn) armClientTimeout(c, job);
 */
export function armClientTimeout(c: Ctx, job: number): void {
  const deadline = deadlineOf(c, job);
  if (deadline === Infinity) return;
  // A timeout shorter than the hop in: the client gives up as the request arrives.
  const at = deadline > c.s.now ? deadline : c.s.now;
  schedule(c.s.queue, at, EV_CLIENT_TIMEOUT, job, c.s.jobs.requestId[job]!);
}

/** The client's timer ran out: unless the request was answered meanwhile, the client gives up on it. */
export function onClientTimeout(c: Ctx, job: number, requestId: number): void {
  const j = c.s.jobs;
  if (j.requestId[job] !== requestId || j.gone[job] === 1) return;
  // The timer may fire late (a timeout shorter than the hop in): the client gave up at its deadline.
  giveUp(c, job, Math.min(c.s.now, deadlineOf(c, job)));
}

/**
 * Whether the client has given up on `job`, or will have before a response sent now reaches it at
 * `end`; in the latter case it gives up now, at its deadline.
 */
export function clientGaveUp(c: Ctx, job: number, end: number): boolean {
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
  s.metrics.timeouts++;
  s.metrics.interval[I_TIMEOUT]!++;
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
export function retryLater(c: Ctx, job: number, at: number): void {
  const s = c.s;
  const o = c.m.overload;
  const attempt = s.jobs.attempt[job]!;
  if (attempt >= o.retries || !isClientJob(s.jobs.kind[job]!)) return;
  s.metrics.retries++;
  s.metrics.interval[I_RETRY]!++;
  const backoff = random(s.rng) * o.backoffMs * 2 ** attempt;
  const hop = c.m.cdn === null ? c.m.scenario.network.clientMs : c.m.cdnHopMs;
  const isRead = s.jobs.kind[job] !== JOB_WRITE;
  // Never before now: a client that gave up before its request even arrived retries from here.
  schedule(
    s.queue,
    Math.max(at + backoff + hop, s.now),
    EV_CLIENT_RETRY,
    s.jobs.key[job]!,
    (attempt + 1) * 2 + (isRead ? 1 : 0),
  );
}

/** A retry arrives: a new request for the same key, one attempt further. */
export function onClientRetry(c: Ctx, key: number, packed: number): void {
  startRequest(c, packed % 2 === 1, key, packed >> 1);
}

/** The overload figures for the Summary. */
export function overloadSummary(s: { metrics: Ctx['s']['metrics'] }): Summary['overload'] {
  const mt = s.metrics;
  return {
    timeouts: mt.timeouts,
    retries: mt.retries,
    acquireTimeouts: mt.acquireTimeouts,
    dbQueueRejections: mt.dbQueueRejections,
    redisQueueRejections: mt.redisQueueRejections,
  };
}
