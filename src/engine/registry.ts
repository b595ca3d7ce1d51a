/**
 * The one list of the engine's mechanisms. The flow (src/engine/flow) knows them only through this list:
 * their events are dispatched from it, their hooks composed at its points in its order, their state,
 * series fields and logs, and Summary parts kept and built from it. Adding a mechanism is one folder under mechanisms/
 * and one line here; what it says outside the engine (labels, figures, cost term, inspector notes) sits in
 * its folder too, listed beside the readers of each (see docs/adding-a-mechanism.md, step 7).
 *
 * The order is the order in which their hooks run at a point, their start work is done and their
 * live-change reconcilers run; it matters only where two act at once: the client's timer is armed before
 * the CDN edge takes a request; failures are scheduled before anything else a mechanism starts, so a
 * failure and another event at the same instant keep that order; a switch of strategy drains write-behind
 * before the refresher restarts; a read becomes a lookup of an absent key (negativeCache) before the CDN
 * edge sees its key.
 */
import { POINT_ORDER } from '../series/order.ts';
import { buildPlan, CORE_JOBS, type Mechanism } from './flow/mechanism.ts';
import { alerts } from './mechanisms/alerts/index.ts';
import { cdc } from './mechanisms/cdc/index.ts';
import { cdn } from './mechanisms/cdn/index.ts';
import { failures } from './mechanisms/failures/index.ts';
import { families } from './mechanisms/families/index.ts';
import { hotKeys } from './mechanisms/hotKeys/index.ts';
import { latencySpike } from './mechanisms/latencySpike/index.ts';
import { overload } from './mechanisms/overload/index.ts';
import { poolTimeout } from './mechanisms/poolTimeout/index.ts';
import { queryCache } from './mechanisms/queryCache/index.ts';
import { redisOps } from './mechanisms/redisOps/index.ts';
import { stampede } from './mechanisms/stampede/index.ts';
import { writeBehind } from './mechanisms/writeBehind/index.ts';
// Imported last: event types and job kinds are handed out as modules load, so those added later never
// renumber the others'.
import { leases } from './mechanisms/leases/index.ts';
import { negativeCache } from './mechanisms/negativeCache/index.ts';
import { replay } from './mechanisms/replay/index.ts';
import { tracking } from './mechanisms/tracking/index.ts';
import { staleWindows } from './mechanisms/staleWindows/index.ts';

export const MECHANISMS = [
  overload,
  failures,
  redisOps,
  writeBehind,
  cdc,
  negativeCache,
  cdn,
  queryCache,
  latencySpike,
  stampede,
  hotKeys,
  families,
  alerts,
  poolTimeout,
  leases,
  replay,
  tracking,
  staleWindows,
] as const;

/**
 * The Summary's fields in the order its JSON has had them (the CLI's `--json`, exported files); a new
 * mechanism's fields follow these.
 */
const SUMMARY_ORDER = [
  'title',
  'seed',
  'durationMs',
  'requests',
  'reads',
  'writes',
  'events',
  'l1',
  'l2',
  'db',
  'staleReads',
  'maxStaleAgeMs',
  'meanStaleAgeMs',
  'staleAges',
  'lostWrites',
  'errors',
  'overload',
  'latencyMs',
  'shards',
  'hotShardFactor',
  'redisErrors',
  'redisFallbacks',
  'keysLostOnRestart',
  'shardCrashes',
  'instanceRestarts',
  'rejectedWrites',
  'ttlDistribution',
  'series',
  'writeBehind',
  'cdc',
  'cdn',
  'queryCache',
  'families',
  'consequences',
  'alerts',
  'mitigations',
  'hotKeyRedisReads',
  'hotKeyRedisMisses',
  'changes',
];

/**
 * The plan every run of the engine uses. Its series point's fields are ordered by src/series/order.ts,
 * which the page's src/series/fields.ts shares.
 */
export const PLAN = buildPlan(MECHANISMS as readonly Mechanism[], CORE_JOBS, SUMMARY_ORDER, POINT_ORDER);

type PartOf<M> = M extends { summary?(c: never): infer P } ? (P extends object ? P : unknown) : unknown;
type Parts<T extends readonly unknown[]> = T extends readonly [infer H, ...infer R]
  ? PartOf<H> & Parts<R>
  : unknown;

/** Every mechanism's part of the Summary, from the list above. */
export type MechanismSummaries = Parts<typeof MECHANISMS>;
