import type { Ctx } from '../../flow/context.ts';
import { allocJob, JOB_READ } from '../../flow/jobs.ts';
import { recordStale } from '../../flow/metrics.ts';
import { recordClientOutcome } from '../../flow/reply.ts';
import { traceHop, traceRequest } from '../../flow/trace.ts';
import type { KeyView, Outcome } from '../../flow/types.ts';

/**
 * RFC 5861 at the CDN edge: a route whose Cache-Control says `stale-while-revalidate=N` answers a read
 * of a copy up to N s past its freshness at once, from the copy, while one background request (the
 * revalidation) fetches a fresh one through the origin; `stale-if-error=N` answers with a copy up to
 * N s past its freshness when the origin's answer is an error (a failed or timed-out query, a crashed
 * instance). Kept apart from the edge itself (index.ts), which calls in here only when a route has a
 * window, so a CDN without them runs exactly as before.
 */

/** Per route: how long past freshness each window lasts (ms, 0 = none). */
export interface StaleWindowsModel {
  whileRevalidateMs: Float64Array;
  ifErrorMs: Float64Array;
}

/** The revalidations in flight, per route and key, and the counters of the Summary's `cdnStale`. */
export interface StaleWindowsState {
  /** Job id of the key's revalidation in flight (-1: none) and its request id (the slot may be reused). */
  revalJob: Int32Array[];
  revalId: Float64Array[];
  /** When each revalidation left the edge, indexed by job id (grown on demand). */
  revalSentAt: Float64Array;
  servedWhileRevalidating: number;
  servedIfError: number;
  /** Answers past freshness (both windows) per route. */
  servedByRoute: number[];
  revalidations: number;
  revalidationErrors: number;
  revalidationMsSum: number;
  /** Age (time since the edge stored it) of the copies served past freshness: sum and maximum. */
  ageMsSum: number;
  maxAgeMs: number;
}

/** Null when no route has a window (the edge then never calls in here). */
export function staleWindowsModel(swr: number[], sie: number[]): StaleWindowsModel | null {
  if (swr.every((w) => w === 0) && sie.every((w) => w === 0)) return null;
  return { whileRevalidateMs: Float64Array.from(swr), ifErrorMs: Float64Array.from(sie) };
}

export function createStaleWindowsState(
  wm: StaleWindowsModel | null,
  sizes: readonly number[],
): StaleWindowsState | null {
  if (wm === null) return null;
  return {
    revalJob: sizes.map((n) => new Int32Array(n).fill(-1)),
    revalId: sizes.map((n) => new Float64Array(n).fill(-1)),
    revalSentAt: new Float64Array(256),
    servedWhileRevalidating: 0,
    servedIfError: 0,
    servedByRoute: sizes.map(() => 0),
    revalidations: 0,
    revalidationErrors: 0,
    revalidationMsSum: 0,
    ageMsSum: 0,
    maxAgeMs: 0,
  };
}

/** A copy of `route`, `ageMs` old, was served past its freshness. */
function countServed(ws: StaleWindowsState, route: number, ageMs: number): void {
  ws.servedByRoute[route]!++;
  ws.ageMsSum += ageMs;
  if (ageMs > ws.maxAgeMs) ws.maxAgeMs = ageMs;
}

/**
 * A read found the route's copy of `key` expired `pastMs` ago: within `stale-while-revalidate` it is
 * answered from the copy (true), and a revalidation is sent unless one is in flight. `forward` sends a
 * job on from the edge to the load balancer, remembering its route.
 */
export function serveWhileRevalidating(
  c: Ctx,
  ws: StaleWindowsState,
  wm: StaleWindowsModel,
  route: number,
  key: number,
  pastMs: number,
  ageMs: number,
  forward: (job: number) => void,
): boolean {
  if (pastMs >= wm.whileRevalidateMs[route]!) return false;
  ws.servedWhileRevalidating++;
  countServed(ws, route, ageMs);
  const s = c.s;
  const inFlight = ws.revalJob[route]![key]!;
  if (inFlight >= 0 && s.jobs.requestId[inFlight] === ws.revalId[route]![key]) return true;
  // The edge itself is the client of this one: it left the edge now.
  const job = allocJob(s.jobs, JOB_READ, key, 0, s.now);
  ws.revalJob[route]![key] = job;
  ws.revalId[route]![key] = s.jobs.requestId[job]!;
  if (job >= ws.revalSentAt.length) {
    let n = ws.revalSentAt.length;
    while (n <= job) n *= 2;
    const grown = new Float64Array(n);
    grown.set(ws.revalSentAt);
    ws.revalSentAt = grown;
  }
  ws.revalSentAt[job] = s.now;
  ws.revalidations++;
  forward(job);
  return true;
}

/** Whether `job` is the revalidation in flight for its route's copy of its key. */
export function isRevalidation(
  ws: StaleWindowsState,
  job: number,
  route: number,
  key: number,
  c: Ctx,
): boolean {
  const r = ws.revalJob[route];
  if (r === undefined || r.length === 0 || r[key] !== job) return false;
  return ws.revalId[route]![key] === c.s.jobs.requestId[job];
}

/**
 * The origin's answer to a revalidation passed the edge: no client waits on it. `store` keeps it (an
 * answer that is not an error); the route's key may be revalidated again from now on.
 */
export function revalidationDone(
  c: Ctx,
  ws: StaleWindowsState,
  job: number,
  route: number,
  key: number,
  failed: boolean,
): void {
  ws.revalJob[route]![key] = -1;
  ws.revalId[route]![key] = -1;
  ws.revalidationMsSum += c.s.now - ws.revalSentAt[job]!;
  if (failed) ws.revalidationErrors++;
}

/**
 * The origin answered a client's read with an error: within `stale-if-error` the edge answers with its
 * copy (`version`, stored `ageMs` ago, expired `pastMs` ago) instead, landing at `end`. True when it did.
 */
export function serveIfError(
  c: Ctx,
  ws: StaleWindowsState,
  wm: StaleWindowsModel,
  job: number,
  route: number,
  version: number,
  pastMs: number,
  ageMs: number,
  end: number,
): boolean {
  if (pastMs >= wm.ifErrorMs[route]!) return false;
  const s = c.s;
  const j = s.jobs;
  const key = j.key[job]!;
  ws.servedIfError++;
  countServed(ws, route, ageMs);
  const dbVersion = s.db.latest[key]!;
  const stale = version < dbVersion;
  if (stale) recordStale(s.metrics, s.now - s.db.latestAt[key]!);
  const outcome: Outcome = stale ? 'stale' : 'cdn-hit';
  recordClientOutcome(c, job, 'cdn-hit', stale, end);
  if (c.trace) {
    const id = j.requestId[job]!;
    traceHop(c.trace, id, key, 'cdn', 'client', end - c.m.edgeHopMs, end, 'response', outcome);
    traceRequest(c.trace, {
      requestId: id,
      key,
      instance: j.instance[job]!,
      startMs: j.start[job]!,
      endMs: end,
      outcome,
      isWrite: false,
      version,
      dbVersion,
    });
  }
  return true;
}

/** The edge's answers past freshness (RFC 5861); in the Summary only when a route has a window. */
export interface CdnStaleSummary {
  /** Reads answered from an expired copy within `stale-while-revalidate`. */
  servedWhileRevalidating: number;
  /** Origin errors the edge replaced with an expired copy within `stale-if-error` (errors avoided). */
  servedIfError: number;
  /** Answers past freshness (both windows) per route, by the route's name. */
  servedByRoute: Record<string, number>;
  /** Background requests sent to refresh a copy (one per copy and expiry at most). */
  revalidations: number;
  /** Revalidations the origin answered with an error. */
  revalidationErrors: number;
  /** Mean time from a revalidation leaving the edge to its answer passing it, ms. */
  meanRevalidationMs: number;
  /** Age (since the edge stored it) of the copies served past freshness: mean and maximum, ms. */
  meanServedAgeMs: number;
  maxServedAgeMs: number;
}

export function staleWindowsSummary(ws: StaleWindowsState, names: readonly string[]): CdnStaleSummary {
  const served = ws.servedWhileRevalidating + ws.servedIfError;
  const answered = ws.revalidations - countInFlight(ws);
  return {
    servedWhileRevalidating: ws.servedWhileRevalidating,
    servedIfError: ws.servedIfError,
    servedByRoute: Object.fromEntries(names.map((n, r) => [n, ws.servedByRoute[r]!])),
    revalidations: ws.revalidations,
    revalidationErrors: ws.revalidationErrors,
    meanRevalidationMs: answered > 0 ? ws.revalidationMsSum / answered : 0,
    meanServedAgeMs: served > 0 ? ws.ageMsSum / served : 0,
    maxServedAgeMs: ws.maxAgeMs,
  };
}

function countInFlight(ws: StaleWindowsState): number {
  let n = 0;
  for (const r of ws.revalJob) for (let k = 0; k < r.length; k++) if (r[k]! >= 0) n++;
  return n;
}

/**
 * The edge's copies of `key` under a window, one per route that stores it (KeyView.staleWindows): how
 * far past its freshness each is, the window it is in, and whether a revalidation of it is in flight.
 */
export function cdnStaleCopies(
  c: Ctx,
  wm: StaleWindowsModel,
  ws: StaleWindowsState,
  names: readonly string[],
  versions: readonly Int32Array[],
  expires: readonly Float64Array[],
  key: number,
): NonNullable<KeyView['staleWindows']> {
  const out: NonNullable<KeyView['staleWindows']> = [];
  for (let r = 0; r < names.length; r++) {
    const swr = wm.whileRevalidateMs[r]!;
    const sie = wm.ifErrorMs[r]!;
    const version = versions[r]!.length > 0 ? versions[r]![key]! : -1;
    if ((swr === 0 && sie === 0) || version < 0) continue;
    const past = c.s.now - expires[r]![key]!;
    const job = ws.revalJob[r]![key]!;
    out.push({
      node: 'cdn',
      route: names[r]!,
      version,
      pastTtlMs: past,
      window: past < 0 ? 'fresh' : past < swr ? 'while-revalidate' : past < sie ? 'if-error' : 'expired',
      whileRevalidateMs: swr,
      ifErrorMs: sie,
      refreshing: job >= 0 && c.s.jobs.requestId[job] === ws.revalId[r]![key],
    });
  }
  return out;
}
