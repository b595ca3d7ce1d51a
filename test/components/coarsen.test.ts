import { describe, expect, it } from 'vitest';
import { coarsen, MAX_CHART_POINTS } from '../../src/components/charts/coarsen.ts';
import { perSecond } from '../../src/components/charts/timeSeries.ts';
import type { SeriesPoint } from '../../src/engine/types.ts';

function point(i: number, over: Partial<SeriesPoint> = {}): SeriesPoint {
  return {
    tMs: (i + 1) * 1000,
    requests: 1000,
    l1Hits: 300,
    l1Misses: 700,
    l2Hits: 600,
    l2Misses: 100,
    dbReads: 100,
    dbWrites: 50,
    staleReads: 2,
    errors: 0,
    timeouts: 0,
    retries: 0,
    p50: 1,
    p99: 4,
    dbInUse: 2,
    dbQueue: 0,
    shardOps: [400, 300],
    shardKeys: [10 + i, 20 + i],
    redisP99: 0.5,
    alerts: [],
    shardMemoryBytes: [1000, 2000],
    evictions: 1,
    expired: 3,
    redisErrors: 0,
    instancesUp: 4,
    ...over,
  };
}

describe('coarsen (time charts of long runs)', () => {
  it('leaves a short series as it is', () => {
    const series = { points: Array.from({ length: 300 }, (_, i) => point(i)), intervalMs: 1000 };
    expect(coarsen(series)).toBe(series);
  });

  it('draws a day in at most 512 points with the same rates, ratios, spikes and latest values', () => {
    const n = 86_400;
    const points = Array.from({ length: n }, (_, i) =>
      point(i, i === 50_000 ? { p99: 900, alerts: ['p99'], instancesUp: 3 } : {}),
    );
    const { points: drawn, intervalMs } = coarsen({ points, intervalMs: 1000 });
    expect(drawn.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(drawn.length).toBeGreaterThan(MAX_CHART_POINTS / 2);
    const k = intervalMs / 1000;
    expect(Math.log2(k) % 1).toBe(0);
    // Every bucket, the partial last one included, shows the same per-second rates and hit ratios.
    for (const p of drawn) {
      expect(perSecond(p.dbReads, intervalMs)).toBeCloseTo(100, 9);
      expect(p.l2Hits / (p.l2Hits + p.l2Misses)).toBeCloseTo(600 / 700, 12);
      expect(perSecond(p.shardOps[0]!, intervalMs)).toBeCloseTo(400, 9);
    }
    const spike = drawn.find((p) => p.p99 === 900);
    expect(spike?.alerts).toEqual(['p99']);
    expect(spike?.instancesUp).toBe(3);
    expect(drawn.filter((p) => p.p99 === 900)).toHaveLength(1);
    expect(drawn.at(-1)!.tMs).toBe(n * 1000);
    expect(drawn.at(-1)!.shardKeys).toEqual(points.at(-1)!.shardKeys);
  });
});
