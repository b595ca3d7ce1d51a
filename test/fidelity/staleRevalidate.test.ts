import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import type { Summary } from '../../src/engine/types.ts';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';

/**
 * RFC 5861 at the CDN edge, checked against the window's arithmetic. One key read at rate λ (Poisson,
 * at the edge), kept max-age T; a revalidation takes d from leaving the edge to its answer passing it.
 *
 * One expiry cycle: the copy is stored at t0 and fresh until t0 + T. The first read after that (an
 * exponential wait, mean 1/λ) is served stale and sends the one revalidation; every read in the d that
 * follows is served stale too; then the new copy is stored and the cycle starts again. So per cycle:
 * one origin request, λT fresh answers and 1 + λd stale ones on average, over T + 1/λ + d of time. The
 * share of stale answers is (1 + λd) / (1 + λd + λT).
 */
const lambda = 100; // reads per second
const T = 1000; // max-age, ms
const durationMs = 600_000;
const net = { clientMs: 1, redisMs: 0.25, dbMs: 0.5, jitterMs: 0 };
const readMs = 48;
// The edge's hop to the load balancer, the query's hop, the read, the reply's hop (no app cache).
const d = net.clientMs + net.dbMs + readMs + net.dbMs;

function run(cacheControl: string): Summary {
  const input: ScenarioInput = {
    version: 1,
    seed: 7,
    durationMs,
    workload: { rps: lambda, readRatio: 1, keys: 1, zipf: 0 },
    topology: { instances: 2, redisShards: 1, cdn: true },
    network: net,
    cache: { strategy: 'none' },
    database: { connections: 100, readMs, serviceTime: 'constant' },
    cdn: { routes: [{ name: 'hot', share: 1, cacheControl }] },
  };
  return runScenario(scenarioSchema.parse(input));
}

describe('stale-while-revalidate at the CDN edge', () => {
  const swr = run(`public, max-age=${T / 1000}, stale-while-revalidate=60`);
  const ld = (lambda * d) / 1000;
  const lT = (lambda * T) / 1000;

  it('sends exactly one origin request per expiry cycle', () => {
    const st = swr.cdnStale!;
    // The only other origin reads are the cold start's: the first read and those during its fetch.
    expect(swr.db.reads).toBe(st.revalidations + swr.cdn.misses);
    expect(swr.cdn.misses).toBeLessThan(1 + 4 * ld);
    expect(st.meanRevalidationMs).toBeCloseTo(d, 6);
    // Cycles last T + 1/λ + d; their number over the run is tight (only the 1/λ part varies, sd 1/λ).
    const cycles = durationMs / (T + 1000 / lambda + d);
    const sd = (Math.sqrt(cycles) * (1000 / lambda)) / (T + 1000 / lambda + d);
    expect(Math.abs(st.revalidations - cycles)).toBeLessThan(4 * sd + 2);
  });

  it('serves the share of stale answers the window predicts: (1 + λd) / (1 + λd + λT)', () => {
    const st = swr.cdnStale!;
    const share = st.servedWhileRevalidating / swr.cdn.hits;
    const expected = (1 + ld) / (1 + ld + lT);
    // Over N cycles the stale answers are N + Poisson(λdN): relative sd √(λdN) / (N(1 + λd)); the
    // fresh ones' (√(λTN) / λTN) adds to it. Four standard deviations.
    const n = st.revalidations;
    const rel = Math.sqrt(ld * n) / (n * (1 + ld)) + 1 / Math.sqrt(lT * n);
    expect(Math.abs(share / expected - 1)).toBeLessThan(4 * rel);
    // Per cycle: 1 + λd stale answers.
    expect(st.servedWhileRevalidating / n).toBeGreaterThan((1 + ld) * (1 - 4 * rel));
    expect(st.servedWhileRevalidating / n).toBeLessThan((1 + ld) * (1 + 4 * rel));
    // Age of what was served: the cycle's first stale read comes 1/λ past T on average, the λd after
    // it d/2 later again: T + 1/λ + (λd · d/2) / (1 + λd) on average.
    const meanAge = T + (1000 / lambda + ld * (1000 / lambda + d / 2)) / (1 + ld);
    expect(st.meanServedAgeMs / meanAge).toBeGreaterThan(1 - 4 * rel);
    expect(st.meanServedAgeMs / meanAge).toBeLessThan(1 + 4 * rel);
  });

  it('without the window each expiry sends 1 + λd reads to the origin (the herd)', () => {
    const plain = run(`public, max-age=${T / 1000}`);
    expect(plain.cdnStale).toBeUndefined();
    const cycles = durationMs / (T + 1000 / lambda + d);
    const perCycle = plain.db.reads / cycles;
    expect(perCycle).toBeGreaterThan((1 + ld) * 0.9);
    expect(perCycle).toBeLessThan((1 + ld) * 1.1);
    // The herd waits for the origin: the p99 is the fetch, where the window answers all from the edge.
    expect(plain.latencyMs.p99).toBeGreaterThan(d);
    expect(swr.latencyMs.p99).toBeLessThan(d);
  });
});
