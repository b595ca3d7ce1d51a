import type { Mechanism } from '../../flow/mechanism.ts';
import { admit } from '../../flow/requests.ts';
// arrival.ts loads before response.ts: the order modules load in numbers event types (kinds.ts).
import { cdnArrival, EV_CDN_FORWARD } from './arrival.ts';
import { cdnOnResponse, cdnReplying, EV_CDN_PURGE, onCdnPurge, scheduleCdnPurge } from './response.ts';
import { cdnStaleCopies, staleWindowsSummary, type CdnStaleSummary } from './staleWindows.ts';
import { buildCdn, createCdnState, modelOf, stateOf, type CdnModel, type CdnState } from './state.ts';

/*
 * The CDN mechanism (`topology.cdn`): the edge in front of the load balancer. Its model and state are in
 * state.ts, a request at the edge in arrival.ts, responses and purges in response.ts, RFC 5861's stale
 * windows in staleWindows.ts.
 */

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
