import { parseCacheControl } from '../../../scenario/cacheControl.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import type { Ctx } from '../../flow/context.ts';
import {
  createStaleWindowsState,
  staleWindowsModel,
  type StaleWindowsModel,
  type StaleWindowsState,
} from './staleWindows.ts';

/* What the CDN derives from the scenario (its routes' policies) and what it keeps during a run. */

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

export const modelOf = (c: Ctx): CdnModel => c.m.mech.cdn as CdnModel;
export const stateOf = (c: Ctx): CdnState => c.s.mech.cdn as CdnState;

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
