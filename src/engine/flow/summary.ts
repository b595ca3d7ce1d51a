import { meanOf, quantile } from '../metrics/histogram.ts';
import { storeSize } from '../redis/shardStore.ts';
import type { Change, LayerStats, Summary } from '../types.ts';
import type { Model } from './model.ts';
import { connectionTime, runLatency, STALE_AGE_EDGES_MS } from './metrics.ts';
import type { State } from './state.ts';
import { logView, type Series } from './series.ts';
import { redisOpsSummary, shardMemorySummary } from './redisOps.ts';
import { cdcSummary, writeBehindSummary } from './writePaths.ts';
import { alertSummary } from './alerts.ts';
import { cdnSummary } from './cdn.ts';
import { queryCacheSummary } from './dbExtras.ts';
import { mitigationSummary } from './stampede/mitigation.ts';
import { familySummary } from './families.ts';
import { overloadSummary } from './overload.ts';

function layer(hits: number, misses: number): LayerStats {
  const total = hits + misses;
  return { hits, misses, hitRatio: total > 0 ? hits / total : 0 };
}

/** The run's figures so far (the whole run once it is done); `changes`: those applied so far. */
export function buildSummary(m: Model, s: State, sr: Series, changes: readonly Change[]): Summary {
  const mt = s.metrics;
  const elapsed = Math.min(s.now, m.durationMs);
  const connected = connectionTime(mt, elapsed, m.scenario.database.connections);
  // Close the database integrals at the current time without mutating the state.
  const tail = Math.max(0, s.now - mt.dbLastChange);
  const areaInSystem = mt.dbAreaInSystem + tail * (s.db.inUse + s.db.waitLen);
  const areaBusy = mt.dbAreaBusy + tail * s.db.inUse;
  const shardOps = s.shards.map((sh) => sh.ops);
  const meanOps = shardOps.reduce((a, b) => a + b, 0) / Math.max(1, shardOps.length);
  const lat = runLatency(mt);
  return {
    title: m.scenario.title,
    seed: m.seed,
    durationMs: elapsed,
    requests: mt.requests,
    reads: mt.reads,
    writes: mt.writes,
    events: s.events,
    l1: layer(mt.l1Hits, mt.l1Misses),
    l2: layer(mt.l2Hits, mt.l2Misses),
    db: {
      reads: mt.dbReads,
      writes: mt.dbWrites,
      peakConcurrency: mt.peakDbConcurrency,
      peakQueue: mt.peakDbQueue,
      meanLatencyMs: mt.dbDone > 0 ? mt.dbLatencySum / mt.dbDone : 0,
      meanWaitMs: mt.dbDone > 0 ? mt.dbWaitSum / mt.dbDone : 0,
      meanInSystem: elapsed > 0 ? areaInSystem / elapsed : 0,
      utilisation: connected > 0 ? areaBusy / connected : 0,
    },
    staleReads: mt.staleReads,
    maxStaleAgeMs: mt.maxStaleAge,
    meanStaleAgeMs: mt.staleReads > 0 ? mt.staleAgeSum / mt.staleReads : 0,
    staleAges: { edgesMs: STALE_AGE_EDGES_MS.slice(), counts: Array.from(mt.staleAgeCounts) },
    lostWrites: mt.lostWrites,
    errors: mt.errors,
    overload: overloadSummary(s),
    latencyMs: {
      mean: lat.total > 0 ? meanOf(lat) : 0,
      p50: lat.total > 0 ? quantile(lat, 0.5) : 0,
      p95: lat.total > 0 ? quantile(lat, 0.95) : 0,
      p99: lat.total > 0 ? quantile(lat, 0.99) : 0,
      max: lat.max,
    },
    shards: s.shards.map((sh, i) => ({
      slotStart: m.ranges[i]![0],
      slotEnd: m.ranges[i]![1],
      ops: sh.ops,
      keys: storeSize(sh.store),
      evictions: sh.store.evictions,
      expired: sh.store.expired,
      peakQueue: sh.peakQueue,
      ...shardMemorySummary(s, i),
    })),
    hotShardFactor: meanOps > 0 ? Math.max(...shardOps) / meanOps : 0,
    ...redisOpsSummary(s),
    series: { intervalMs: m.sampleIntervalMs, points: logView(sr.points) },
    writeBehind: writeBehindSummary(s, sr),
    cdc: cdcSummary(s, sr),
    cdn: cdnSummary(s.cdn),
    queryCache: queryCacheSummary(m, s.dbx),
    ...familySummary(m.families, s.famStats),
    alerts: alertSummary({ m, s }),
    ...mitigationSummary(s),
    changes: changes.map((c) => ({ ...c })),
  };
}
