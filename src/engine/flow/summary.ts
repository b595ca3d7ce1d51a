import { meanOf, quantile } from '../metrics/histogram.ts';
import { storeSize } from '../redis/shardStore.ts';
import type { Change, CoreSummary, LayerStats } from './types.ts';
import type { Ctx } from './context.ts';
import { connectionTime, runLatency, STALE_AGE_EDGES_MS } from './metrics.ts';
import { logView } from './series.ts';
import { liveTtlDistribution, shardMemorySummary } from './redisCore.ts';

function layer(hits: number, misses: number): LayerStats {
  const total = hits + misses;
  return { hits, misses, hitRatio: total > 0 ? hits / total : 0 };
}

/** The flow's own figures: requests, layers, the database, latency, shards, the series, the changes. */
function coreSummary(c: Ctx, changes: readonly Change[]): CoreSummary {
  const { m, s } = c;
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
    redisErrors: s.redis.redisErrors,
    redisFallbacks: s.redis.redisFallbacks,
    rejectedWrites: s.shards.reduce((n, sh) => n + sh.store.rejectedWrites, 0),
    ttlDistribution: liveTtlDistribution(s),
    series: {
      intervalMs: m.sampleIntervalMs * c.series.points.stride,
      points: logView(c.series.points),
    },
    hotKeyRedisReads: Array.from(mt.hotReads),
    hotKeyRedisMisses: Array.from(mt.hotMisses),
    changes: changes.map((ch) => ({ ...ch })),
  };
}

/**
 * The run's figures so far (the whole run once it is done): the flow's and each mechanism's part, their
 * fields in the plan's order (`changes`: those applied so far).
 */
export function buildSummary(c: Ctx, changes: readonly Change[]): CoreSummary {
  const all: Record<string, unknown> = { ...coreSummary(c, changes) };
  for (const mech of c.plan.mechanisms) if (mech.summary) Object.assign(all, mech.summary(c));
  const out: Record<string, unknown> = {};
  for (const key of c.plan.summaryOrder) if (key in all) out[key] = all[key];
  for (const key of Object.keys(all)) if (!(key in out)) out[key] = all[key];
  return out as unknown as CoreSummary;
}
