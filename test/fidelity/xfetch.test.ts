import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/index.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';

/**
 * fidelity.md section 4 (Vattani, Chierichetti, Lowenstein 2015): with XFetch and no locking, each
 * refresh cycle costs e^(1/β) recomputations on average, and at high read rates the key almost never
 * expires. The formula holds when the first trigger comes well over δ before expiry (otherwise the key
 * expires while the recompute runs and the window is cut short), that is when λδβ >> e^(1/β): here 40 keys
 * at 1000 reads/s each and δ = 200 ms give λδβ of 100 to 400. The TTL leaves room for the first trigger,
 * about δβ·ln(λδβ) before expiry. Network and Redis times are 0 so the window in which readers still see
 * the old value is exactly δ, as the formula assumes. Durations give about 1000-2000 cycles: the count per
 * cycle has a standard deviation of about e^(1/β), so the mean is known to within about 2 %.
 */
const deltaMs = 200;
const lambda = 1000;

function run(beta: number) {
  const firstTriggerMs = deltaMs * beta * Math.log(lambda * (deltaMs / 1000) * beta);
  const ttlMs = Math.round(2.5 * firstTriggerMs);
  const sim = createSimulation(
    scenarioSchema.parse({
      version: 1,
      seed: 11,
      durationMs: 50_000,
      workload: { rps: lambda * 40, readRatio: 1, keys: 40, zipf: 0 },
      topology: { instances: 4, redisShards: 3 },
      network: { clientMs: 0, redisMs: 0, dbMs: 0, jitterMs: 0 },
      cache: { strategy: 'cache-aside', l2: { ttlMs, serviceMs: 0 }, stampede: { mode: 'xfetch', beta } },
      database: { connections: 1000, readMs: deltaMs, serviceTime: 'constant' },
    }),
  );
  // The cold start sends every key's first readers to the database at once; their queueing inflates the
  // first δ. Count from 10 s on, when every δ is the plain 200 ms recompute.
  sim.runUntil(10_000);
  const warm = sim.summary();
  sim.runUntil(50_000);
  const end = sim.summary();
  const recomputes = end.mitigations.xfetchRecomputes - warm.mitigations.xfetchRecomputes;
  const cycles = end.mitigations.xfetchCycles - warm.mitigations.xfetchCycles;
  const expired = (r: typeof end) => r.shards.reduce((a, sh) => a + sh.expired, 0);
  return { recomputes, cycles, expired: expired(end) - expired(warm) };
}

describe('XFetch (fidelity.md 4)', () => {
  it.each([1, 2, 0.5])('beta %s: recomputations per refresh cycle ≈ e^(1/β), no expiries', (beta) => {
    const { recomputes, cycles, expired } = run(beta);
    const expected = Math.exp(1 / beta);
    expect(cycles).toBeGreaterThan(400);
    expect(recomputes / cycles).toBeGreaterThan(expected * 0.95);
    expect(recomputes / cycles).toBeLessThan(expected * 1.05);
    expect(expired).toBeLessThanOrEqual(cycles * 0.002);
  });
});
