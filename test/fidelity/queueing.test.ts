/**
 * fidelity.md section 5: the database as an M/M/c (Erlang C) or M/D/1 (Pollaczek-Khinchine) queue.
 * Strategy 'none' sends every request to the database; readRatio 1 makes every query a read of mean
 * `readMs`; no network delay. `db.meanLatencyMs` is the sojourn time W (queue wait + service).
 * Little's law L = lambda W is checked on each run and on a baseline-like cache scenario.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import type { Summary } from '../../src/engine/types.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';

const QUERIES = 1_000_000;

/** Erlang C: probability that an arrival waits, c servers, offered load a = lambda/mu < c. */
function erlangC(c: number, a: number): number {
  let term = 1; // a^k / k!
  let below = 0; // sum over k < c
  for (let k = 0; k < c; k++) {
    if (k > 0) term *= a / k;
    below += term;
  }
  const top = ((term * a) / c) * (c / (c - a)); // a^c/c! * c/(c - a)
  return top / (below + top);
}

/** Mean sojourn time of M/M/c, in seconds: W = P_wait / (c mu - lambda) + 1/mu. */
function mmcSojourn(lambda: number, mu: number, c: number): number {
  return erlangC(c, lambda / mu) / (c * mu - lambda) + 1 / mu;
}

/** Mean sojourn time of M/D/1, in seconds: W = 1/mu + rho / (2 mu (1 - rho)). */
function md1Sojourn(lambda: number, mu: number): number {
  const rho = lambda / mu;
  return 1 / mu + rho / (2 * mu * (1 - rho));
}

function queueScenario(lambda: number, mu: number, c: number, service: 'exponential' | 'constant') {
  return scenarioSchema.parse({
    version: 1,
    durationMs: (QUERIES / lambda) * 1000,
    workload: { rps: lambda, keys: 1000, zipf: 0, readRatio: 1 },
    topology: { instances: 1, redisShards: 1 },
    network: { clientMs: 0, redisMs: 0, dbMs: 0, jitterMs: 0 },
    cache: { strategy: 'none' },
    database: { connections: c, readMs: 1000 / mu, serviceTime: service },
  });
}

/** L = lambda W with lambda the measured throughput and W the measured mean sojourn. */
function expectLittle(s: Summary): void {
  const throughput = (s.db.reads + s.db.writes) / (s.durationMs / 1000);
  const littleL = throughput * (s.db.meanLatencyMs / 1000);
  expect(Math.abs(s.db.meanInSystem / littleL - 1)).toBeLessThanOrEqual(0.01);
}

describe('the formulas reproduce the published figures', () => {
  it('M/M/1 50 ms, M/D/1 30 ms, M/M/10 12.05 ms', () => {
    expect(mmcSojourn(80, 100, 1) * 1000).toBeCloseTo(50, 6);
    expect(md1Sojourn(80, 100) * 1000).toBeCloseTo(30, 6);
    expect(mmcSojourn(800, 100, 10) * 1000).toBeCloseTo(12.05, 2);
  });
});

describe('database queueing', () => {
  const cases = [
    { name: 'M/M/1, lambda 80, mu 100', lambda: 80, mu: 100, c: 1, service: 'exponential' as const },
    { name: 'M/D/1, lambda 80, mu 100', lambda: 80, mu: 100, c: 1, service: 'constant' as const },
    { name: 'M/M/10, lambda 800, mu 100', lambda: 800, mu: 100, c: 10, service: 'exponential' as const },
  ];
  for (const cs of cases) {
    it(`${cs.name}: mean sojourn within 3 %, Little's law within 1 %`, () => {
      const summary = runScenario(queueScenario(cs.lambda, cs.mu, cs.c, cs.service), { seed: 1 });
      const expectedMs =
        1000 *
        (cs.service === 'constant' ? md1Sojourn(cs.lambda, cs.mu) : mmcSojourn(cs.lambda, cs.mu, cs.c));
      expect(summary.db.reads).toBeGreaterThan(0.99 * QUERIES);
      expect(summary.db.reads).toBe(summary.reads);
      expect(Math.abs(summary.db.meanLatencyMs / expectedMs - 1)).toBeLessThanOrEqual(0.03);
      expect(summary.db.utilisation).toBeCloseTo(cs.lambda / (cs.mu * cs.c), 2);
      expectLittle(summary);
    });
  }

  it("Little's law on a baseline-like cache scenario", () => {
    const scenario = scenarioSchema.parse({
      version: 1,
      durationMs: 30_000,
      workload: { rps: 1000, keys: 100_000, zipf: 0.99, readRatio: 0.95 },
      topology: { instances: 4, redisShards: 3 },
      cache: {
        strategy: 'cache-aside',
        l1: { enabled: true, ttlMs: 1000, maxKeys: 1000 },
        l2: { ttlMs: 60_000 },
      },
      database: { connections: 10 },
    });
    const summary = runScenario(scenario, { seed: 7 });
    expect(summary.db.reads + summary.db.writes).toBeGreaterThan(5_000);
    expectLittle(summary);
  });
});
