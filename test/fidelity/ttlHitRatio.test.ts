/**
 * fidelity.md section 1: hit ratio of a TTL cache under Poisson arrivals (Jung, Berger and Balakrishnan 2003;
 * Fofack et al. 2012). The engine runs cache-aside with L1 off, no network or Redis service time and a
 * database read of 0 ms, so a miss refills Redis at the instant it happens (negligible fetch time).
 *
 * Deterministic arrivals (one request every 1 s, TTL 5.5 s -> 5/6) are not tested: the engine's arrivals
 * are Poisson, so no scenario expresses that case.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import { zipfProbabilities } from '../../src/engine/core/zipf.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';

const TOLERANCE = 0.005;

/** Per-key hit ratio with the TTL counted from insertion: x / (1 + x), x = rate * TTL. */
const hitNoReset = (x: number): number => x / (1 + x);
/** Per-key hit ratio with the TTL reset on every access: 1 - e^(-x). */
const hitReset = (x: number): number => 1 - Math.exp(-x);

/** Over keys with popularity p and total rate lambda: sum p_i h(lambda p_i T). */
function mixedHitRatio(p: Float64Array, lambda: number, ttlS: number, h: (x: number) => number): number {
  let sum = 0;
  for (const pi of p) sum += pi * h(lambda * pi * ttlS);
  return sum;
}

function ttlScenario(opts: { rps: number; keys: number; zipf: number; ttlMs: number; reset: boolean }) {
  return scenarioSchema.parse({
    version: 1,
    workload: { rps: opts.rps, keys: opts.keys, zipf: opts.zipf, readRatio: 1 },
    topology: { instances: 1, redisShards: 1 },
    network: { clientMs: 0, redisMs: 0, dbMs: 0, jitterMs: 0 },
    cache: {
      strategy: 'cache-aside',
      l1: { enabled: false },
      l2: { ttlMs: opts.ttlMs, ttlReset: opts.reset, serviceMs: 0 },
    },
    database: { connections: 10, readMs: 0, serviceTime: 'constant' },
  });
}

describe('the formulas reproduce the published figures', () => {
  it('single key', () => {
    expect(hitNoReset(1)).toBeCloseTo(0.5, 4);
    expect(hitReset(1)).toBeCloseTo(0.6321, 4);
    expect(hitNoReset(2)).toBeCloseTo(0.6667, 4);
    expect(hitReset(2)).toBeCloseTo(0.8647, 4);
    expect(hitNoReset(10)).toBeCloseTo(0.9091, 4);
  });

  it('Zipf N = 1000, alpha = 0.8, 100 req/s, T = 1 s', () => {
    const p = zipfProbabilities(1000, 0.8);
    expect(mixedHitRatio(p, 100, 1, hitNoReset)).toBeCloseTo(0.2795, 4);
    expect(mixedHitRatio(p, 100, 1, hitReset)).toBeCloseTo(0.3337, 4);
  });
});

describe('one key read at rate lambda with TTL T', () => {
  const RPS = 1000;
  const REQUESTS = 110_000;
  for (const reset of [false, true]) {
    for (const lambdaT of [1, 2, 10]) {
      const name = reset ? '1 - e^(-lambda T)' : 'lambda T / (1 + lambda T)';
      it(`lambda T = ${lambdaT}, ${reset ? 'TTL reset on read' : 'TTL from insertion'}: ${name}`, () => {
        const ttlMs = (lambdaT / RPS) * 1000;
        const scenario = ttlScenario({ rps: RPS, keys: 1, zipf: 0, ttlMs, reset });
        const summary = runScenario(scenario, { seed: 11, durationMs: (REQUESTS / RPS) * 1000 });
        const expected = (reset ? hitReset : hitNoReset)(lambdaT);
        expect(summary.requests).toBeGreaterThanOrEqual(100_000);
        expect(summary.l2.hits + summary.l2.misses).toBe(summary.reads);
        expect(Math.abs(summary.l2.hitRatio - expected)).toBeLessThanOrEqual(TOLERANCE);
      });
    }
  }
});

describe('Zipf N = 1000, alpha = 0.8, 100 req/s, T = 1 s', () => {
  const N = 1000;
  const ALPHA = 0.8;
  const RPS = 100;
  const TTL_S = 1;
  const p = zipfProbabilities(N, ALPHA);
  for (const reset of [false, true]) {
    it(
      reset ? 'TTL reset: sum p_i (1 - e^(-lambda p_i T))' : 'sum p_i (lambda p_i T)/(1 + lambda p_i T)',
      () => {
        const scenario = ttlScenario({ rps: RPS, keys: N, zipf: ALPHA, ttlMs: TTL_S * 1000, reset });
        // 3 * 10^5 requests: the hottest keys dominate the variance, so 10^5 leaves too little margin.
        const summary = runScenario(scenario, { seed: 5, durationMs: 3_000_000 });
        const expected = mixedHitRatio(p, RPS, TTL_S, reset ? hitReset : hitNoReset);
        expect(summary.requests).toBeGreaterThanOrEqual(100_000);
        expect(Math.abs(summary.l2.hitRatio - expected)).toBeLessThanOrEqual(TOLERANCE);
      },
    );
  }
});
