import { TRACKING_LOGS } from './series.ts';
import { mergeGauges } from '../../flow/seriesMerge.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import type { Ctx } from '../../flow/context.ts';
import type { Mechanism } from '../../flow/mechanism.ts';
import { logPush, logView, type Log } from '../../flow/series.ts';
import { onInvalidate, onL1Fill, onL1Miss } from './client.ts';
import { afterCommand, beforeCommand, EV_TRACK_INVALIDATE, underPrefix } from './server.ts';
import { shardOf } from '../../flow/addressing.ts';
import type { KeyView } from '../../flow/types.ts';
import { tableSize } from './table.ts';
import { createTrackingState, trackingState, type TrackingModel, type TrackingState } from './state.ts';

/**
 * Redis's server-assisted client-side caching (`CLIENT TRACKING`, Redis 6+; src/tracking.c): Redis keeps
 * the instances' L1 copies coherent by pushing an invalidation to an instance when a key it may hold
 * changes (SET, DEL, expiry, eviction). Modes as Redis has them: default (a table per server of the keys
 * each instance read, capped by `tracking-table-max-keys`), BCAST with prefixes (no table: every change
 * under a prefix goes to every instance), OPTIN and OPTOUT (CLIENT CACHING picks the reads remembered),
 * and NOLOOP. Invalidations travel from the shard to the instance as messages do (behind the replies on
 * the same connection under RESP3, on their own with REDIRECT); the race of a value fetched while its
 * invalidation passes, and its fix, are the instance's side (client.ts).
 *
 * Only the commands the flow applies are seen (reads, fills, write-through SETs, cache-aside DELs, and
 * the keys they and the active expiry remove); the SETs other mechanisms apply their own way (leases'
 * fills, lock holders', warming) are not, and copies of replicated keys are tracked under their key.
 */

function trackingModelOf(scenario: Scenario, keyCount: number): TrackingModel | null {
  const t = scenario.cache.tracking;
  if (!t.enabled || !scenario.cache.l1.enabled || scenario.cache.strategy === 'none') return null;
  return {
    bcast: t.mode === 'bcast',
    optin: t.mode === 'optin',
    optout: t.mode === 'optout',
    optKeys: t.optKeys,
    noloop: t.noloop,
    tableMaxKeys: t.tableMaxKeys === 0 ? Infinity : t.tableMaxKeys,
    redirect: t.connection === 'redirect',
    raceFix: t.raceFix,
    prefixes: t.prefixes,
    instances: scenario.topology.instances,
    underPrefix: new Uint8Array(keyCount),
  };
}

/** One sample of the series: invalidations received per second in the interval, and the tables' size. */
export interface TrackingSample {
  tMs: number;
  invalidationsPerSec: number;
  tableKeys: number;
}

/** The Summary's part, present only when tracking is on. */
export interface TrackingSummary {
  mode: string;
  /** Invalidation messages Redis sent, and those each instance received. */
  sent: number;
  receivedPerInstance: number[];
  /** Mean invalidations an instance received per second of the run. */
  perInstancePerSec: number;
  /** Of those sent: for keys that expired or were evicted, and for keys the table's cap forgot. */
  byExpiryOrEviction: number;
  byCap: number;
  capForgottenKeys: number;
  /** The cap per shard (null: none), the largest a shard's table grew, and all shards' together. */
  tableMaxKeys: number | null;
  tablePeakKeys: number;
  tableTotalPeakKeys: number;
  /** L1 copies dropped on an invalidation. */
  l1Dropped: number;
  /** Values fetched while their invalidation passed: kept (of which older than the database), or not. */
  races: number;
  racesStale: number;
  racesPrevented: number;
  cachingCommands: number;
  series: TrackingSample[];
}

function summary(c: Ctx): { tracking?: TrackingSummary } {
  const m = c.m.mech.tracking as TrackingModel | null;
  if (m === null) return {};
  const x = trackingState(c);
  const seconds = Math.min(c.s.now, c.m.durationMs) / 1000;
  const received = Array.from(x.received);
  const total = received.reduce((a, b) => a + b, 0);
  return {
    tracking: {
      mode: c.m.scenario.cache.tracking.mode,
      sent: Array.from(x.sent).reduce((a, b) => a + b, 0),
      receivedPerInstance: received,
      perInstancePerSec: seconds > 0 ? total / received.length / seconds : 0,
      byExpiryOrEviction: x.byExpiryOrEviction,
      byCap: x.byCap,
      capForgottenKeys: x.capForgotten,
      tableMaxKeys: m.tableMaxKeys === Infinity ? null : m.tableMaxKeys,
      tablePeakKeys: x.tablePeak,
      tableTotalPeakKeys: x.tableTotalPeak,
      l1Dropped: x.dropped,
      races: x.races,
      racesStale: x.racesStale,
      racesPrevented: x.racesPrevented,
      cachingCommands: x.cachingCommands,
      series: logView(c.series.logs.tracking!) as TrackingSample[],
    },
  };
}

/** What the key inspector shows: who Redis would tell of a change of the key, and the table it is in. */
function keyView(c: Ctx, key: number, view: KeyView): void {
  const m = c.m.mech.tracking as TrackingModel | null;
  if (m === null) return;
  const x = trackingState(c);
  const shard = shardOf(c.m, key);
  const table = x.tables[shard]!;
  const trackedBy: number[] = [];
  if (m.bcast) {
    if (underPrefix(c, m, key)) for (let i = 0; i < m.instances; i++) trackedBy.push(i);
  } else {
    const at = table.at.get(key);
    const readers = at === undefined ? 0 : table.readers[at]!;
    for (let i = 0; i < m.instances; i++) if (((readers >>> i) & 1) === 1) trackedBy.push(i);
  }
  view.tracking = {
    mode: c.m.scenario.cache.tracking.mode,
    trackedBy,
    shard,
    tableKeys: tableSize(table),
    tableMaxKeys: m.bcast || m.tableMaxKeys === Infinity ? null : m.tableMaxKeys,
    received: Array.from(x.received),
  };
}

export const tracking: Mechanism<TrackingModel | null, TrackingState, { tracking?: TrackingSummary }> = {
  name: 'tracking',
  reads: [
    'cache.tracking',
    'cache.l1.enabled',
    'cache.strategy',
    'topology.instances',
    'workload.readRatio',
    'workload.rps',
    'topology.redisShards',
  ],
  model: (scenario, env) => trackingModelOf(scenario, env.keyCount),
  // No reconcile: `cache.tracking`, the instances and the shards are restart-only; the rate and read
  // ratio it reads are only its cost term's.
  state: (m) => createTrackingState(m.scenario.topology.redisShards, m.scenario.topology.instances),
  hooks: (on) =>
    on === null
      ? {}
      : { redisCommand: beforeCommand, redisDone: afterCommand, l1Miss: onL1Miss, l1Fill: onL1Fill },
  events: [[EV_TRACK_INVALIDATE, onInvalidate]],
  start: (c) => {
    if (c.m.mech.tracking === null) return;
    for (const shard of c.s.shards) shard.store.gone = [];
  },
  logs: TRACKING_LOGS,
  sample: (c) => {
    if (c.m.mech.tracking === null) return;
    const x = trackingState(c);
    let keys = 0;
    for (const t of x.tables) keys += t.keys.length;
    const perSec = x.intervalReceived / (c.m.sampleIntervalMs / 1000);
    logPush(
      c.series.logs.tracking! as Log<TrackingSample>,
      { tMs: c.s.now, invalidationsPerSec: perSec, tableKeys: keys },
      mergeGauges,
    );
    x.intervalReceived = 0;
  },
  summary,
  keyView,
};
