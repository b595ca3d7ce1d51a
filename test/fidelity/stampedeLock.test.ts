import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import type { Summary } from '../../src/engine/types.ts';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';

/**
 * fidelity.md section 3: one key read at rate λ whose recompute takes d. Without mitigation each
 * expiry sends 1 + Poisson(λ·w) queries, w being the time from the first miss to the value being
 * stored; with a lock held until the value is written, exactly 1.
 */
const lambda = 100; // reads per second
const net = { clientMs: 1, redisMs: 0.25, dbMs: 0.5, jitterMs: 0 };

function run(mode: 'none' | 'lock', readMs: number, extra: object = {}): Summary {
  const input: ScenarioInput = {
    version: 1,
    seed: 7,
    durationMs: 60_000,
    workload: { rps: lambda, readRatio: 1, keys: 1, zipf: 0 },
    topology: { instances: 4, redisShards: 3 },
    network: net,
    cache: { strategy: 'cache-aside', l2: { ttlMs: 1000, serviceMs: 0.02 }, stampede: { mode, ...extra } },
    database: { connections: 100, readMs, serviceTime: 'constant' },
  };
  return runScenario(scenarioSchema.parse(input));
}

const expiries = (r: Summary) => r.shards.reduce((a, s) => a + s.expired, 0);

describe('stampede arithmetic (fidelity.md 3)', () => {
  it('without mitigation, each expiry costs about 1 + λ·w queries', () => {
    const d = 100;
    const r = run('none', d);
    // From the miss at the shard: reply hop, query hop, service, reply hop, SET hop and service.
    const w = (net.redisMs + net.dbMs + d + net.dbMs + net.redisMs + 0.02) / 1000;
    const perExpiry = r.db.reads / (expiries(r) + 1); // + 1: the cold start is a herd too
    expect(perExpiry).toBeGreaterThan((1 + lambda * w) * 0.9);
    expect(perExpiry).toBeLessThan((1 + lambda * w) * 1.1);
  });

  it('with the lock held until the value is written: exactly 1 query per expiry', () => {
    const r = run('lock', 100); // 100 ms < backoff 50 ms x 3 retries
    const m = r.mitigations;
    expect(expiries(r)).toBeGreaterThan(40);
    expect(m.lockAcquisitions).toBe(expiries(r) + 1);
    // The last holder's query may still be in flight when the run ends.
    expect(m.lockAcquisitions - r.db.reads).toBeGreaterThanOrEqual(0);
    expect(m.lockAcquisitions - r.db.reads).toBeLessThanOrEqual(1);
    expect(m.lockFallThroughs).toBe(0);
    expect(m.lockWaits).toBeGreaterThan(0);
  });

  it('when the recompute outlasts backoff x retries, losers fall through to the database', () => {
    const readMs = 300;
    const backoffMs = 50;
    const maxRetries = 3;
    const r = run('lock', readMs, { backoffMs, maxRetries });
    const m = r.mitigations;
    // A loser falls through when its last re-read still finds nothing: it arrived in the first
    // (readMs - backoff x retries) of the rebuild.
    const expected = (lambda * (readMs - backoffMs * maxRetries)) / 1000;
    const perExpiry = m.lockFallThroughs / m.lockAcquisitions;
    expect(perExpiry).toBeGreaterThan(expected * 0.85);
    expect(perExpiry).toBeLessThan(expected * 1.15);
    expect(r.db.reads).toBeGreaterThan(m.lockAcquisitions + m.lockFallThroughs - 2);
  });
});
