import { describe, expect, it } from 'vitest';
import { zipfProbabilities } from '../../src/engine/core/zipf.ts';
import { runScenario } from '../../src/engine/index.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';

const run = (input: Omit<ScenarioInput, 'version'>) =>
  runScenario(scenarioSchema.parse({ version: 1, ...input }));

describe('db-latency-spike', () => {
  it('multiplies service times while it lasts', () => {
    // Constant 2 ms reads at low load: the mean database latency is the service time, so the spike shows
    // up exactly in proportion to the queries it covered: about 10 s of 40 at x5, (30 * 2 + 10 * 10) / 40 =
    // 4 ms, computed from the queries actually served during the spike (a Poisson count, not exactly 1/4).
    const base = {
      durationMs: 40_000,
      workload: { rps: 200, readRatio: 1, keys: 10_000, zipf: 0 },
      cache: { strategy: 'none' as const },
      database: { readMs: 2, serviceTime: 'constant' as const, connections: 100 },
    };
    const calm = run(base);
    const spiked = run({
      ...base,
      failures: [{ atMs: 10_000, kind: 'db-latency-spike', durationMs: 10_000, multiplier: 5 }],
    });
    expect(calm.db.meanLatencyMs).toBeCloseTo(2, 6);
    const inSpike = spiked.series.points
      .filter((p) => p.tMs > 10_000 && p.tMs <= 20_000)
      .reduce((n, p) => n + p.dbReads, 0);
    const total = spiked.db.reads;
    expect(inSpike / total).toBeCloseTo(10 / 40, 1);
    expect(spiked.db.meanLatencyMs).toBeCloseTo((2 * (total - inSpike) + 10 * inSpike) / total, 2);
    const during = spiked.series.points.filter((p) => p.tMs > 11_000 && p.tMs <= 20_000);
    const after = spiked.series.points.filter((p) => p.tMs > 21_000);
    expect(Math.min(...during.map((p) => p.p50))).toBeGreaterThan(12);
    // Network hops add about 3 ms to the 2 ms of service outside the spike.
    expect(Math.max(...after.map((p) => p.p50))).toBeLessThan(8);
  });

  it('preset db-latency-spike: busy connections and p99 latency climb during the spike, then recover', () => {
    const r = runScenario(getPreset('db-latency-spike')!);
    const mean = (from: number, to: number, f: (p: (typeof r.series.points)[number]) => number) => {
      const pts = r.series.points.filter((p) => p.tMs > from && p.tMs <= to);
      return pts.reduce((sum, p) => sum + f(p), 0) / pts.length;
    };
    const busy = (p: (typeof r.series.points)[number]) => p.dbInUse + p.dbQueue;
    // Service times x5 means about five times the queries in flight (Little's law), more once they queue.
    expect(mean(20_000, 30_000, busy)).toBeGreaterThan(3 * mean(0, 20_000, busy));
    expect(mean(20_000, 30_000, (p) => p.p99)).toBeGreaterThan(3 * mean(0, 20_000, (p) => p.p99));
    expect(mean(31_000, 60_000, (p) => p.p99)).toBeLessThan(1.5 * mean(0, 20_000, (p) => p.p99));
  });
});

describe('database query cache', () => {
  /**
   * With zero fetch time and a slot per key, a read of key i hits unless a write (to any key: one table)
   * came after the last read of i. Of the two Poisson streams, reads of i at rate lambda p_i and writes at
   * rate w, the previous event is a read of i with probability lambda p_i / (lambda p_i + w).
   */
  function expectedHitRatio(rps: number, readRatio: number, keys: number, zipf: number): number {
    const reads = rps * readRatio;
    const writes = rps * (1 - readRatio);
    return zipfProbabilities(keys, zipf).reduce((h, p) => h + (p * (reads * p)) / (reads * p + writes), 0);
  }

  const at = (writeShare: number) =>
    run({
      durationMs: 100_000,
      workload: { rps: 1000, readRatio: 1 - writeShare, keys: 1000, zipf: 0.99 },
      cache: { strategy: 'none' },
      database: { readMs: 0, writeMs: 0, queryCache: { enabled: true, maxEntries: 1000 } },
      network: { clientMs: 0, redisMs: 0, dbMs: 0, jitterMs: 0 },
    });

  it('collapses as writes grow, as the formula says: why MySQL removed it', () => {
    const ratios = [0.01, 0.1, 0.3].map((w) => {
      const r = at(w);
      const expected = expectedHitRatio(1000, 1 - w, 1000, 0.99);
      expect(Math.abs(r.queryCache.hitRatio - expected)).toBeLessThan(0.01);
      expect(r.queryCache.invalidations).toBeGreaterThan(0);
      return r.queryCache.hitRatio;
    });
    expect(ratios[0]).toBeGreaterThan(ratios[1]!);
    expect(ratios[1]).toBeGreaterThan(ratios[2]!);
    expect(ratios[2]).toBeLessThan(ratios[0]! / 2);
  });

  it('drops a whole table on a write but leaves the other tables alone', () => {
    const families = (bWrites: number) =>
      run({
        durationMs: 30_000,
        workload: {
          rps: 1000,
          families: [
            { name: 'a', keys: 100, ttlMs: 60_000, readRatio: 1 },
            { name: 'b', keys: 100, ttlMs: 60_000, readRatio: 1 - bWrites },
          ],
        },
        cache: { strategy: 'none' },
        database: { queryCache: { enabled: true } },
      });
    const quiet = families(0);
    const busy = families(0.2);
    // Table a is never written: only its first reads miss. Writes to b cost b, not a.
    expect(quiet.queryCache.hitRatio).toBeGreaterThan(0.98);
    expect(busy.queryCache.hitRatio).toBeGreaterThan(0.5);
    expect(busy.queryCache.hitRatio).toBeLessThan(quiet.queryCache.hitRatio - 0.1);
    expect(busy.queryCache.droppedEntries).toBeGreaterThan(busy.queryCache.invalidations);
  });

  it('preset query-cache: some hits at 1 % writes, every cached result for the table dropped at each write', () => {
    const r = runScenario(getPreset('query-cache')!);
    expect(r.queryCache.enabled).toBe(true);
    expect(r.queryCache.hitRatio).toBeGreaterThan(0.2);
    expect(r.queryCache.hitRatio).toBeLessThan(0.7);
    expect(r.queryCache.invalidations).toBeGreaterThan(0.9 * r.db.writes - 10);
    // Hits skip execution: the database executed only the misses.
    expect(Math.abs(r.db.reads - r.queryCache.misses)).toBeLessThan(20);
  });
});
