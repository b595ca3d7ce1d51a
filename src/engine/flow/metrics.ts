import {
  createHistogram,
  mergeHistogram,
  recordValue,
  resetHistogram,
  quantile,
  type Histogram,
} from '../metrics/histogram.ts';
import type { CoreSeriesPoint } from './seriesFields.ts';

/** Keys (by popularity rank) whose Redis reads are counted one by one for the Summary. */
export const HOT_TRACKED = 10;

/** Upper edges of the staleness-age buckets (ms); the last bucket is open. */
export const STALE_AGE_EDGES_MS = [1, 10, 100, 1000, 10_000, 60_000, 300_000, 3_600_000];

// Indices into the per-interval counters.
export const I_REQ = 0;
export const I_L1_HIT = 1;
export const I_L1_MISS = 2;
export const I_L2_HIT = 3;
export const I_L2_MISS = 4;
export const I_DB_READ = 5;
export const I_DB_WRITE = 6;
export const I_STALE = 7;
export const I_ERR = 8;
const INTERVAL_COUNTERS = 9;

/**
 * Every counter a run keeps; plain data so it is snapshotted with the rest of the state. The series
 * points are not here: they go to the run's append-only `Series` (see series.ts).
 */
export interface Metrics {
  requests: number;
  reads: number;
  writes: number;
  l1Hits: number;
  l1Misses: number;
  l2Hits: number;
  l2Misses: number;
  dbReads: number;
  dbWrites: number;
  staleReads: number;
  staleAgeSum: number;
  maxStaleAge: number;
  staleAgeCounts: Float64Array;
  lostWrites: number;
  errors: number;
  latency: Histogram;
  intervalLatency: Histogram;
  dbDone: number;
  dbLatencySum: number;
  dbWaitSum: number;
  peakDbConcurrency: number;
  peakDbQueue: number;
  /** Time integrals of (queries in the database) and (busy connections), for Little's law. */
  dbAreaInSystem: number;
  dbAreaBusy: number;
  dbLastChange: number;
  /** Connection time (pool size x time) before the last change of the pool size, and when that was. */
  dbConnectionArea: number;
  dbConnectionSince: number;
  interval: Float64Array;
  shardOpsInterval: Float64Array;
  /** Redis GETs and misses of the HOT_TRACKED most popular keys, copies included. */
  hotReads: Float64Array;
  hotMisses: Float64Array;
  /** SET/DEL commands the app meant to send, and those it sent (one per copy). */
  cacheWrites: number;
  redisWriteCommands: number;
}

export function createMetrics(shards: number): Metrics {
  return {
    requests: 0,
    reads: 0,
    writes: 0,
    l1Hits: 0,
    l1Misses: 0,
    l2Hits: 0,
    l2Misses: 0,
    dbReads: 0,
    dbWrites: 0,
    staleReads: 0,
    staleAgeSum: 0,
    maxStaleAge: 0,
    staleAgeCounts: new Float64Array(STALE_AGE_EDGES_MS.length + 1),
    lostWrites: 0,
    errors: 0,
    latency: createHistogram(),
    intervalLatency: createHistogram(),
    dbDone: 0,
    dbLatencySum: 0,
    dbWaitSum: 0,
    peakDbConcurrency: 0,
    peakDbQueue: 0,
    dbAreaInSystem: 0,
    dbAreaBusy: 0,
    dbLastChange: 0,
    dbConnectionArea: 0,
    dbConnectionSince: 0,
    interval: new Float64Array(INTERVAL_COUNTERS),
    shardOpsInterval: new Float64Array(shards),
    hotReads: new Float64Array(HOT_TRACKED),
    hotMisses: new Float64Array(HOT_TRACKED),
    cacheWrites: 0,
    redisWriteCommands: 0,
  };
}

/** Latencies go to the interval's histogram only; it is merged into the run's at each sample. */
export function recordLatency(m: Metrics, ms: number): void {
  recordValue(m.intervalLatency, ms);
}

/** The whole run's latency histogram, including the interval still open. */
export function runLatency(m: Metrics): Histogram {
  const h = structuredClone(m.latency);
  mergeHistogram(h, m.intervalLatency);
  return h;
}

export function recordStale(m: Metrics, ageMs: number): void {
  m.staleReads++;
  m.interval[I_STALE]!++;
  m.staleAgeSum += ageMs;
  if (ageMs > m.maxStaleAge) m.maxStaleAge = ageMs;
  let b = 0;
  while (b < STALE_AGE_EDGES_MS.length && ageMs >= STALE_AGE_EDGES_MS[b]!) b++;
  m.staleAgeCounts[b]!++;
}

/** Advances the database's time integrals to `now` before its occupancy changes. */
export function integrateDb(m: Metrics, now: number, inUse: number, queued: number): void {
  const dt = now - m.dbLastChange;
  if (dt > 0) {
    m.dbAreaInSystem += dt * (inUse + queued);
    m.dbAreaBusy += dt * inUse;
    m.dbLastChange = now;
  }
}

/** The pool size changes at `now`: the time since the previous change is counted at the old size. */
export function closeConnectionTime(m: Metrics, now: number, oldSize: number): void {
  m.dbConnectionArea += (now - m.dbConnectionSince) * oldSize;
  m.dbConnectionSince = now;
}

/** Connection time up to `until` (the denominator of the pool's utilisation). */
export function connectionTime(m: Metrics, until: number, size: number): number {
  return m.dbConnectionArea + (until - m.dbConnectionSince) * size;
}

/**
 * Closes the current interval into the flow's fields of `point` (a blank point of the plan's fields,
 * which the mechanisms' samples complete).
 */
export function closeInterval(
  m: Metrics,
  point: CoreSeriesPoint,
  tMs: number,
  dbInUse: number,
  dbQueue: number,
  shardKeys: number[],
): void {
  const c = m.interval;
  point.tMs = tMs;
  point.requests = c[I_REQ]!;
  point.l1Hits = c[I_L1_HIT]!;
  point.l1Misses = c[I_L1_MISS]!;
  point.l2Hits = c[I_L2_HIT]!;
  point.l2Misses = c[I_L2_MISS]!;
  point.dbReads = c[I_DB_READ]!;
  point.dbWrites = c[I_DB_WRITE]!;
  point.staleReads = c[I_STALE]!;
  point.errors = c[I_ERR]!;
  point.p50 = m.intervalLatency.total > 0 ? quantile(m.intervalLatency, 0.5) : 0;
  point.p99 = m.intervalLatency.total > 0 ? quantile(m.intervalLatency, 0.99) : 0;
  point.dbInUse = dbInUse;
  point.dbQueue = dbQueue;
  point.shardOps = Array.from(m.shardOpsInterval);
  point.shardKeys = shardKeys;
  c.fill(0);
  m.shardOpsInterval.fill(0);
  mergeHistogram(m.latency, m.intervalLatency);
  resetHistogram(m.intervalLatency);
}
