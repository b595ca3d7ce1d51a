import { workloadStats } from '../../src/trace/stats.ts';
import { fitZipf } from '../../src/trace/zipfFit.ts';
import { dense, traceOf, zipfKeys } from './helpers/traces.ts';

describe('workload statistics', () => {
  it('counts keys, one-hit wonders, the operation mix and reuse distances', () => {
    // a b a c a d: reuse distances of the re-requests of a: 1 (b), 1 (c).
    const trace = traceOf(dense([1, 2, 1, 3, 1, 4]), [10, 20, 10, 30, 10, 4000]);
    trace.op.set([0, 2, 0, 8, 1, 3]);
    const s = workloadStats(trace);
    expect([s.requests, s.uniqueKeys, s.oneHitWonders]).toEqual([6, 4, 3]);
    expect([s.reads, s.writes, s.deletes]).toEqual([3, 2, 1]);
    expect(s.firstUses).toBe(4);
    expect(s.reuseBuckets).toEqual([0, 2, 0]);
    // Object sizes 10, 20, 30 (buckets 3, 4, 4) and 4000 (bucket 11).
    expect(s.sizeBuckets[3]).toBe(1);
    expect(s.sizeBuckets[4]).toBe(2);
    expect(s.sizeBuckets[11]).toBe(1);
    expect(s.largestObject).toBe(4000);
    expect(s.popularity[0]).toEqual({ rank: 1, count: 3 });
  });

  it('measures the request rate over the trace time', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => i % 7);
    const trace = traceOf(
      dense(keys),
      keys.map(() => 1),
    );
    trace.timeMs.set(keys.map((_, i) => i * 100)); // 10 requests a second for 200 s
    const s = workloadStats(trace);
    expect(s.durationMs).toBe(199_900);
    expect(s.rate.binMs).toBe(2000); // 120 bins would be 1.67 s: whole seconds
    expect(s.rate.perSecond).toHaveLength(100);
    expect(s.rate.perSecond.every((r) => Math.abs(r - 10) < 1e-9)).toBe(true); // the last bin too
  });

  it('fits the Zipf exponent a trace was drawn with', () => {
    for (const alpha of [0.6, 0.9, 1.2]) {
      const keys = dense(zipfKeys(400_000, 5_000, alpha, 1));
      const s = workloadStats(
        traceOf(
          keys,
          keys.map(() => 1),
        ),
      );
      expect(s.zipf?.alpha).toBeGreaterThan(alpha - 0.08);
      expect(s.zipf?.alpha).toBeLessThan(alpha + 0.08);
      expect(s.zipf?.r2).toBeGreaterThan(0.95);
    }
    expect(fitZipf([5, 4, 3])).toBeNull();
  });

  it('gives a finite rate when every request has the same time', () => {
    const trace = traceOf([0, 1, 0], [1, 1, 1]);
    trace.timeMs.fill(5);
    expect(workloadStats(trace).rate.perSecond.every(Number.isFinite)).toBe(true);
  });
});
