import { schedule } from '../../core/eventQueue.ts';
import { appNode, type Ctx } from '../../flow/context.ts';
import { JOB_READ, JOB_WRITE } from '../../flow/jobs.ts';
import { eventType } from '../../flow/kinds.ts';
import { traceHop } from '../../flow/trace.ts';
import type { Outcome } from '../../flow/types.ts';
import { isRevalidation, revalidationDone, serveIfError } from './staleWindows.ts';
import { modelOf, stateOf } from './state.ts';

/*
 * The origin's responses on their way out through the edge (stored for the route's TTL, a revalidation's
 * kept, an error answered with the copy within stale-if-error), and the purges a committed write sends.
 */

/** A purge reaches the edge. a: key whose copies it removes. */
export const EV_CDN_PURGE = eventType('cdn.purge');

/** The origin's response passes the edge on its way out: a storable read is kept for the route's TTL. */
export function cdnOnResponse(c: Ctx, job: number, version: number, outcome: Outcome): void {
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
export function cdnReplying(c: Ctx, job: number, end: number, version: number, outcome: Outcome): boolean {
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
export function scheduleCdnPurge(c: Ctx, job: number): void {
  if (c.s.jobs.kind[job] !== JOB_WRITE) return;
  schedule(c.s.queue, c.s.now + modelOf(c).purgeDelayMs, EV_CDN_PURGE, c.s.jobs.key[job]!, 0);
}

/** The purge reaches the edge: every route's copy of the key goes. */
export function onCdnPurge(c: Ctx, key: number): void {
  const st = stateOf(c);
  st.purges++;
  for (let r = 0; r < st.version.length; r++) if (st.version[r]!.length > 0) st.version[r]![key] = -1;
}
