import { describe, expect, it } from 'vitest';
import { zipfProbabilities } from '../../src/engine/core/zipf.ts';
import { createSimulation, runScenario } from '../../src/engine/index.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';

const run = (input: Omit<ScenarioInput, 'version'>) =>
  runScenario(scenarioSchema.parse({ version: 1, ...input }));

/** Zero network and database time: the edge sees each response the instant the request passes it. */
const instant = {
  network: { clientMs: 0, redisMs: 0, dbMs: 0, jitterMs: 0 },
  database: { readMs: 0, writeMs: 0 },
};

describe('CDN edge', () => {
  it('is a TTL cache: hit ratio sum p_i * lambda p_i T / (1 + lambda p_i T) (fidelity section 1)', () => {
    const n = 1000;
    const alpha = 0.8;
    const rps = 100;
    const ttlS = 1;
    const r = run({
      durationMs: 1_000_000,
      workload: { rps, readRatio: 1, keys: n, zipf: alpha },
      topology: { cdn: true },
      cdn: { routes: [{ name: 'api', cacheControl: `public, max-age=${ttlS}` }] },
      cache: { strategy: 'none' },
      ...instant,
    });
    const p = zipfProbabilities(n, alpha);
    let expected = 0;
    for (const pi of p) expected += (pi * (rps * pi * ttlS)) / (1 + rps * pi * ttlS);
    expect(expected).toBeCloseTo(0.2795, 4);
    expect(r.cdn.hits + r.cdn.misses).toBeGreaterThan(99_000);
    expect(Math.abs(r.cdn.hitRatio - expected)).toBeLessThan(0.005);
  });

  it('keeps s-maxage at the edge, not max-age', () => {
    const base = {
      durationMs: 200_000,
      workload: { rps: 100, readRatio: 1, keys: 1000, zipf: 0.8 },
      topology: { cdn: true },
      ...instant,
    };
    const short = run({ ...base, cdn: { routes: [{ name: 'a', cacheControl: 'public, max-age=1' }] } });
    const long = run({
      ...base,
      cdn: { routes: [{ name: 'a', cacheControl: 'public, max-age=1, s-maxage=10' }] },
    });
    const p = zipfProbabilities(1000, 0.8);
    const h = (t: number) => p.reduce((sum, pi) => sum + (pi * 100 * pi * t) / (1 + 100 * pi * t), 0);
    expect(Math.abs(short.cdn.hitRatio - h(1))).toBeLessThan(0.01);
    expect(Math.abs(long.cdn.hitRatio - h(10))).toBeLessThan(0.01);
  });

  it('preset cdn: public content reaches the article target of 90 %+ at the edge, few requests reach the instances', () => {
    const r = runScenario(getPreset('cdn')!);
    expect(r.cdn.hitRatio).toBeGreaterThan(0.9);
    // Edge hits never reach the load balancer, so the caches behind see only the misses.
    expect(r.l2.hits + r.l2.misses).toBeLessThanOrEqual(r.cdn.misses);
    expect(r.l2.hits + r.l2.misses).toBeLessThan(r.requests * 0.1);
    expect(r.cdn.crossUserLeaks).toBe(0);
    expect(r.cdn.purges).toBeGreaterThan(0);
  });

  it('serves stale copies until the purge lands, and the staleness grows with the purge delay', () => {
    const at = (purgeDelayMs: number) =>
      run({
        durationMs: 60_000,
        workload: { rps: 1000, readRatio: 0.99, keys: 1000 },
        topology: { cdn: true },
        cdn: { routes: [{ name: 'a', cacheControl: 'public, max-age=3600' }], purgeDelayMs },
      });
    const quick = at(0);
    const slow = at(5000);
    expect(slow.cdn.staleHits).toBeGreaterThan(5 * Math.max(1, quick.cdn.staleHits));
    // Stale edge hits are stale reads like any other.
    expect(slow.staleReads).toBeGreaterThanOrEqual(slow.cdn.staleHits);
  });

  it('preset cdn-leak: nearly every edge hit on the personalised route goes to another user', () => {
    const users = 1000;
    const one = (cacheControl: string) =>
      run({
        durationMs: 30_000,
        workload: { rps: 1000, readRatio: 1, keys: 1000, users },
        topology: { cdn: true },
        cdn: { routes: [{ name: 'account', cacheControl, personalised: true }] },
      });
    const leaky = one('public, max-age=60');
    // A hit leaks unless it goes to the very user who filled the copy: probability 1 - 1/users.
    expect(leaky.cdn.crossUserLeaks / leaky.cdn.hits).toBeCloseTo(1 - 1 / users, 2);
    const fixed = one('private, no-store');
    expect(fixed.cdn.hits).toBe(0);
    expect(fixed.cdn.crossUserLeaks).toBe(0);
    // Every read is forwarded (a few are still in flight when the run ends, so not yet in `reads`).
    expect(fixed.cdn.misses).toBe(fixed.cdn.uncacheable);
    expect(fixed.cdn.uncacheable - fixed.reads).toBeGreaterThanOrEqual(0);
    expect(fixed.cdn.uncacheable - fixed.reads).toBeLessThan(20);

    const preset = runScenario(getPreset('cdn-leak')!);
    expect(preset.cdn.crossUserLeaks).toBeGreaterThan(preset.cdn.hits * 0.4);
  });

  it('traces client -> cdn, cdn -> lb for misses and cdn -> client for hits', () => {
    const sim = createSimulation(getPreset('cdn')!, { trace: true });
    sim.runUntil(2000);
    const hops = sim.drainHops();
    const pairs = new Set(hops.map((h) => `${h.from}>${h.to}`));
    expect(pairs).toContain('client>cdn');
    expect(pairs).toContain('cdn>lb');
    expect(pairs).toContain('cdn>client');
    expect(pairs).not.toContain('client>lb');
    const outcomes = sim.drainRequests().map((r) => r.outcome);
    expect(outcomes).toContain('cdn-hit');
  });

  it('changes nothing when off: the same run with and without an unused cdn section', () => {
    const a = run({ durationMs: 5000 });
    const b = run({ durationMs: 5000, cdn: { routes: [{ name: 'x', cacheControl: 'public, max-age=9' }] } });
    expect(b).toEqual(a);
    expect(a.cdn).toMatchObject({ enabled: false, hits: 0 });
  });
});
