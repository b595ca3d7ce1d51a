import { schedule } from '../../core/eventQueue.ts';
import { random, randomInt } from '../../core/rng.ts';
import { parseCacheControl } from '../../../scenario/cacheControl.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import { appNode, type Ctx } from '../../flow/context.ts';
import { freeJob, JOB_READ, JOB_WRITE } from '../../flow/jobs.ts';
import { eventType } from '../../flow/kinds.ts';
import type { Mechanism } from '../../flow/mechanism.ts';
import { recordStale } from '../../flow/metrics.ts';
import { recordClientOutcome } from '../../flow/reply.ts';
import { admit } from '../../flow/requests.ts';
import { traceHop, traceRequest } from '../../flow/trace.ts';
import type { Outcome } from '../../flow/types.ts';
import {
  cdnStaleCopies,
  createStaleWindowsState,
  isRevalidation,
  revalidationDone,
  serveIfError,
  serveWhileRevalidating,
  staleWindowsModel,
  staleWindowsSummary,
  type CdnStaleSummary,
  type StaleWindowsModel,
  type StaleWindowsState,
} from './staleWindows.ts';

/** The edge sends a job on to the load balancer. a: job. */
export const EV_CDN_FORWARD = eventType('cdn.forward');
/** A purge reaches the edge. a: key whose copies it removes. */
export const EV_CDN_PURGE = eventType('cdn.purge');

const modelOf = (c: Ctx): CdnModel => c.m.mech.cdn as CdnModel;
const stateOf = (c: Ctx): CdnState => c.s.mech.cdn as CdnState;

/**
 * The CDN edge in front of the load balancer (`topology.cdn`). Each route has a Cache-Control policy;
 * the edge keeps one copy per route and key, ignoring the user, as a CDN does unless told to vary: a
 * personalised route with a public policy therefore hands one user's response to the next user.
 */
export interface CdnModel {
  names: string[];
  cumShare: Float64Array;
  storable: Uint8Array;
  ttlMs: Float64Array;
  personalised: Uint8Array;
  hopMs: number;
  purgeDelayMs: number;
  /** The routes' RFC 5861 windows (staleWindows.ts); null when no route has one. */
  windows: StaleWindowsModel | null;
}

/** Edge contents per route (empty arrays for routes it never stores), and the counters. */
export interface CdnState {
  version: Int32Array[];
  expires: Float64Array[];
  user: Int32Array[];
  /** Route and user of each job in flight, indexed by job id (grown with the job table). */
  jobRoute: Int32Array;
  jobUser: Int32Array;
  hits: number;
  misses: number;
  staleHits: number;
  crossUserLeaks: number;
  purges: number;
  /** Reads of routes the edge may not store (private, no-store): always forwarded. */
  uncacheable: number;
  /** Revalidations in flight and the stale answers' counters; null without RFC 5861 windows. */
  windows: StaleWindowsState | null;
}

const DEFAULT_ROUTE = { name: 'default', share: 1, cacheControl: 'public, max-age=60', personalised: false };

/**
 * The CDN's derived tables, or null without a CDN.
 *
 * @example
 * buildCdn(scenario)?.ttlMs // [300000] for one route 'public, max-age=60, s-maxage=300'
 */
export function buildCdn(scenario: Scenario): CdnModel | null {
  if (!scenario.topology.cdn) return null;
  const { routes: given, hopMs, purgeDelayMs } = scenario.cdn;
  const routes = given.length > 0 ? given : [DEFAULT_ROUTE];
  const policies = routes.map((r) => {
    const p = parseCacheControl(r.cacheControl);
    // The schema refuses unreadable headers, so this only guards direct engine callers.
    if (!p.ok) throw new Error(`cdn route ${r.name}: ${p.error}`);
    return p.value;
  });
  const total = routes.reduce((n, r) => n + r.share, 0);
  let acc = 0;
  const cumShare = Float64Array.from(routes, (r) => (acc += r.share / total));
  cumShare[routes.length - 1] = 1;
  return {
    names: routes.map((r) => r.name),
    cumShare,
    storable: Uint8Array.from(policies, (p) => (p.storable ? 1 : 0)),
    ttlMs: Float64Array.from(policies, (p) => p.edgeTtlMs),
    personalised: Uint8Array.from(routes, (r) => (r.personalised ? 1 : 0)),
    hopMs,
    purgeDelayMs,
    windows: staleWindowsModel(
      policies.map((p) => (p.storable ? p.staleWhileRevalidateMs : 0)),
      policies.map((p) => (p.storable ? p.staleIfErrorMs : 0)),
    ),
  };
}

export function createCdnState(cm: CdnModel | null, keys: number): CdnState | null {
  if (cm === null) return null;
  const size = (r: number) => (cm.storable[r] ? keys : 0);
  return {
    version: cm.names.map((_, r) => new Int32Array(size(r)).fill(-1)),
    expires: cm.names.map((_, r) => new Float64Array(size(r))),
    user: cm.names.map((_, r) => new Int32Array(size(r))),
    jobRoute: new Int32Array(256),
    jobUser: new Int32Array(256),
    hits: 0,
    misses: 0,
    staleHits: 0,
    crossUserLeaks: 0,
    purges: 0,
    uncacheable: 0,
    windows: createStaleWindowsState(
      cm.windows,
      cm.names.map((_, r) => size(r)),
    ),
  };
}

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
function cdnArrival(c: Ctx, job: number): boolean {
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

/** The origin's response passes the edge on its way out: a storable read is kept for the route's TTL. */
function cdnOnResponse(c: Ctx, job: number, version: number, outcome: Outcome): void {
  const s = c.s;
  const st = stateOf(c);
  const cm = modelOf(c);
  const route = st.jobRoute[job]!;
  if (s.jobs.kind[job] !== JOB_READ || outcome === 'error' || cm.storable[route] === 0) return;
  store(c, job, route, s.jobs.key[job]!, version);
}

/** The edge keeps `version` of `key` on `route` for the route's TTL, unless it holds a newer fresh copy. */
function store(c: Ctx, job: number, route: number, key: number, version: number): void {
  const st = stateOf(c);
  const stored = st.version[route]!;
  if (stored.length === 0) return;
  if (version < stored[key]! && c.s.now < st.expires[route]![key]!) return; // keep the newer copy
  stored[key] = version;
  st.expires[route]![key] = c.s.now + modelOf(c).ttlMs[route]!;
  st.user[route]![key] = st.jobUser[job]!;
}

/**
 * A response is about to leave the origin through the edge. A revalidation's is the edge's own: it
 * refreshes the copy and goes no further (the origin's work was counted where it happened). An error
 * answering a client's read becomes the edge's expired copy within `stale-if-error`.
 */
function cdnReplying(c: Ctx, job: number, end: number, version: number, outcome: Outcome): boolean {
  const s = c.s;
  const st = stateOf(c);
  const ws = st.windows!;
  const route = st.jobRoute[job]!;
  const key = s.jobs.key[job]!;
  if (isRevalidation(ws, job, route, key, c)) {
    revalidationDone(c, ws, job, route, key, outcome === 'error');
    if (outcome !== 'error') store(c, job, route, key, version);
    traceToEdge(c, job, outcome);
    return true;
  }
  if (outcome !== 'error' || s.jobs.kind[job] === JOB_WRITE) return false;
  const kept = st.version[route]!;
  if (c.plan.clientJob[s.jobs.kind[job]!] === 0 || kept.length === 0 || kept[key]! < 0) return false;
  const expires = st.expires[route]![key]!;
  const cm = modelOf(c);
  const age = s.now - expires + cm.ttlMs[route]!;
  if (!serveIfError(c, ws, cm.windows!, job, route, kept[key]!, s.now - expires, age, end)) return false;
  traceToEdge(c, job, outcome);
  return true;
}

/** For the stage: an origin's answer the edge took, on its way from the instance to the edge. */
function traceToEdge(c: Ctx, job: number, outcome: Outcome): void {
  if (!c.trace) return;
  const j = c.s.jobs;
  const at = c.s.now + c.m.scenario.network.clientMs;
  traceHop(
    c.trace,
    j.requestId[job]!,
    j.key[job]!,
    appNode(j.instance[job]!),
    'cdn',
    c.s.now,
    at,
    'response',
    outcome,
  );
}

/** A committed write asks the CDN to purge the key; the purge lands `purgeDelayMs` later. */
function scheduleCdnPurge(c: Ctx, job: number): void {
  if (c.s.jobs.kind[job] !== JOB_WRITE) return;
  schedule(c.s.queue, c.s.now + modelOf(c).purgeDelayMs, EV_CDN_PURGE, c.s.jobs.key[job]!, 0);
}

/** The purge reaches the edge: every route's copy of the key goes. */
function onCdnPurge(c: Ctx, key: number): void {
  const st = stateOf(c);
  st.purges++;
  for (let r = 0; r < st.version.length; r++) if (st.version[r]!.length > 0) st.version[r]![key] = -1;
}

/** The CDN edge: reads answered there (hits) or sent on (misses, uncacheable routes included). */
export interface CdnSummary {
  enabled: boolean;
  hits: number;
  misses: number;
  hitRatio: number;
  staleHits: number;
  /** Edge hits on a personalised route that served a response made for another user. */
  crossUserLeaks: number;
  purges: number;
  uncacheable: number;
}

/** The CDN's figures for the Summary (zeros without a CDN). */
function cdnSummary(st: CdnState | null): CdnSummary {
  const hits = st?.hits ?? 0;
  const misses = st?.misses ?? 0;
  return {
    enabled: st !== null,
    hits,
    misses,
    hitRatio: hits + misses > 0 ? hits / (hits + misses) : 0,
    staleHits: st?.staleHits ?? 0,
    crossUserLeaks: st?.crossUserLeaks ?? 0,
    purges: st?.purges ?? 0,
    uncacheable: st?.uncacheable ?? 0,
  };
}

export const cdn: Mechanism<
  CdnModel | null,
  CdnState | null,
  { cdn: CdnSummary; cdnStale?: CdnStaleSummary }
> = {
  name: 'cdn',
  reads: ['topology.cdn', 'cdn', 'workload.users', 'network.clientMs'],
  model: buildCdn,
  // No reconcile: its tables are sized by the routes (restart-only) and the key space; `workload.users`,
  // `cdn.hopMs` and `cdn.purgeDelayMs` are read at each request and purge (a purge under way keeps its time).
  state: (m, part) => createCdnState(part, m.keyCount),
  hooks: (on) =>
    on === null
      ? {}
      : {
          arrive: cdnArrival,
          replied: (c, job, version, outcome) => cdnOnResponse(c, job, version, outcome),
          dbDone: scheduleCdnPurge,
          ...(on.windows === null ? {} : { replying: cdnReplying }),
        },
  events: [
    [EV_CDN_FORWARD, admit],
    [EV_CDN_PURGE, onCdnPurge],
  ],
  keyView: (c, key, view) => {
    const cm = modelOf(c);
    const st = stateOf(c);
    if (cm === null || cm.windows === null || st.windows === null) return;
    view.staleWindows = cdnStaleCopies(c, cm.windows, st.windows, cm.names, st.version, st.expires, key);
  },
  summary: (c) => {
    const ws = stateOf(c)?.windows ?? null;
    return ws === null
      ? { cdn: cdnSummary(stateOf(c)) }
      : { cdn: cdnSummary(stateOf(c)), cdnStale: staleWindowsSummary(ws, modelOf(c).names) };
  },
};
