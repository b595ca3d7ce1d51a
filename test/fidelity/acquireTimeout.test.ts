/**
 * The connection pool's acquire timeout against M/M/1+D: one connection, Poisson arrivals at rate
 * lambda, exponential service at rate mu, and every query leaves the queue after waiting tau (a
 * deterministic patience). The fraction of queries that time out is
 *   P = (1 - a) a e^(-(mu - lambda) tau) / (1 - a^2 e^(-(mu - lambda) tau)),  a = lambda / mu,
 * computed here from the formula. Strategy 'none' sends every request to the database; no network delay,
 * so queries reach the pool as the Poisson process itself. Independent seeds give independent estimates,
 * whose spread is the standard error the tolerance is measured in.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';

/** Fraction of M/M/1+D arrivals that abandon (rates per second, tau in seconds). */
function abandonedFraction(lambda: number, mu: number, tau: number): number {
  const a = lambda / mu;
  const e = Math.exp(-(mu - lambda) * tau);
  return ((1 - a) * a * e) / (1 - a * a * e);
}

function poolScenario(lambda: number, mu: number, tauMs: number, seed: number, queries: number) {
  return scenarioSchema.parse({
    version: 1,
    seed,
    durationMs: (queries / lambda) * 1000,
    workload: { rps: lambda, keys: 1000, zipf: 0, readRatio: 1 },
    topology: { instances: 1, redisShards: 1 },
    network: { clientMs: 0, redisMs: 0, dbMs: 0, jitterMs: 0 },
    cache: { strategy: 'none' },
    database: { connections: 1, readMs: 1000 / mu, serviceTime: 'exponential', acquireTimeoutMs: tauMs },
    monitoring: { enabled: false },
  });
}

const SEEDS = 12;
const QUERIES_PER_SEED = 60_000;

function measure(lambda: number, mu: number, tauMs: number): { mean: number; se: number } {
  const fractions: number[] = [];
  for (let seed = 1; seed <= SEEDS; seed++) {
    const s = runScenario(poolScenario(lambda, mu, tauMs, seed, QUERIES_PER_SEED));
    const timedOut = s.overload.acquireTimeouts;
    fractions.push(timedOut / (timedOut + s.db.reads));
    // Every timed-out query is an error its client saw, and nothing else failed.
    expect(s.errors).toBe(timedOut);
  }
  const mean = fractions.reduce((x, y) => x + y, 0) / SEEDS;
  const variance = fractions.reduce((x, f) => x + (f - mean) ** 2, 0) / (SEEDS - 1);
  return { mean, se: Math.sqrt(variance / SEEDS) };
}

describe('acquire timeout: M/M/1+D', () => {
  it('the formula gives the textbook limits', () => {
    // No patience: every arrival that finds the server busy leaves, a fraction a/(1+a) (M/M/1/1).
    expect(abandonedFraction(80, 100, 0)).toBeCloseTo(0.8 / 1.8, 12);
    // Infinite patience below saturation: nobody leaves.
    expect(abandonedFraction(80, 100, 1e6)).toBeCloseTo(0, 12);
  });

  it.each([
    // lambda, mu (per second), tau (ms): below saturation, near it, and overloaded (a > 1).
    [80, 100, 20],
    [95, 100, 50],
    [150, 100, 30],
  ])('lambda %i/s, mu %i/s, tau %i ms: within 3 standard errors', (lambda, mu, tauMs) => {
    const expected = abandonedFraction(lambda, mu, tauMs / 1000);
    const { mean, se } = measure(lambda, mu, tauMs);
    expect(expected).toBeGreaterThan(0.05);
    expect(Math.abs(mean - expected)).toBeLessThanOrEqual(3 * se);
    // And the standard error is small enough for the comparison to mean something.
    expect(se).toBeLessThan(0.01 * expected + 0.002);
  });
});
