import type { SeriesPoint } from './types.ts';

/** Counted over the interval: summed when intervals merge (and rates stay right). */
const COUNTS = [
  'requests',
  'l1Hits',
  'l1Misses',
  'l2Hits',
  'l2Misses',
  'dbReads',
  'dbWrites',
  'staleReads',
  'errors',
  'evictions',
  'expired',
  'redisErrors',
  'timeouts',
  'retries',
] as const;
/** The worst interval of a merged bucket, so a spike stays visible. */
const PEAKS = ['p50', 'p99', 'redisP99', 'dbInUse', 'dbQueue'] as const;

/**
 * Two consecutive points as one covering both intervals: counts (per shard too) summed, latencies and
 * the pool's figures the worse of the two, alerts the union (first seen first), instances up the
 * fewer, the instant values (time, keys, memory) the later one's. Associative, so merging pairs of
 * pairs gives what merging the four at once gives (the charts' buckets and the engine's coarsened
 * series agree). Neither argument is changed.
 */
export function mergePoints(a: SeriesPoint, b: SeriesPoint): SeriesPoint {
  const p: SeriesPoint = {
    ...b,
    shardOps: sumArrays(a.shardOps, b.shardOps),
    alerts: [...new Set([...a.alerts, ...b.alerts])],
    instancesUp: Math.min(a.instancesUp, b.instancesUp),
  };
  for (const f of COUNTS) p[f] = a[f] + b[f];
  for (const f of PEAKS) p[f] = Math.max(a[f], b[f]);
  return p;
}

/**
 * The time a point covers: `intervalMs`, or less for the last point of a coarsened series while its
 * bucket fills (it ends between two multiples of the interval).
 */
export function pointSpanMs(point: Pick<SeriesPoint, 'tMs'>, intervalMs: number): number {
  return point.tMs % intervalMs || intervalMs;
}

/** Scales a point's counts by `k` (a partial chart bucket drawn as a full one). */
export function scaleCounts(p: SeriesPoint, k: number): SeriesPoint {
  const out: SeriesPoint = { ...p, shardOps: p.shardOps.map((ops) => ops * k) };
  for (const f of COUNTS) out[f] = p[f] * k;
  return out;
}

/**
 * Two consecutive samples of a mechanism's log (instant figures such as a queue's depth or a lag) as
 * one: the later sample's time, each figure the larger of the two, so a peak stays visible.
 */
export function mergeGauges<T extends { tMs: number }>(a: T, b: T): T {
  const out = { ...b } as Record<string, unknown>;
  const x = a as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(b)) {
    if (k !== 'tMs' && typeof v === 'number' && typeof x[k] === 'number') out[k] = Math.max(x[k], v);
  }
  return out as T;
}

function sumArrays(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(Math.max(a.length, b.length));
  for (let i = 0; i < out.length; i++) out[i] = (a[i] ?? 0) + (b[i] ?? 0);
  return out;
}
