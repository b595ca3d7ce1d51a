import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from '../../src/engine/index.ts';
import type { Summary } from '../../src/engine/types.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';

/**
 * stale-while-revalidate and stale-if-error in the app's own caches (`cache.staleWindows`), checked
 * against the windows' arithmetic.
 *
 * SWR in the L1: one key read at rate λ (Poisson) on one instance, kept T in its L1, Redis holding it
 * forever; a refresh takes d = 2 · redisMs + the shard's service time (no jitter). One cycle: the copy
 * is stored at t0 and fresh until t0 + T; the first read after that (an exponential wait, mean 1/λ) is
 * served stale and sends the one refresh; every read in the d that follows is served stale too; then the
 * refresh stores the new copy. Per cycle: one GET, λT fresh answers and 1 + λd stale ones on average,
 * over T + 1/λ + d. The share of stale answers is (1 + λd) / (1 + λd + λT); the mean time past the TTL of
 * what was served is (1/λ + λd · (1/λ + d/2)) / (1 + λd).
 */
const lambda = 100; // reads per second
const T = 1000; // the L1's TTL, ms
const redisMs = 20;
const serviceMs = 0.02;
const d = 2 * redisMs + serviceMs;
const durationMs = 600_000;

function runL1(whileRevalidateMs: number): Summary {
  const input: ScenarioInput = {
    version: 1,
    seed: 7,
    durationMs,
    workload: { rps: lambda, readRatio: 1, keys: 1, zipf: 0 },
    topology: { instances: 1, redisShards: 1 },
    network: { clientMs: 1, redisMs, dbMs: 0.5, jitterMs: 0 },
    cache: {
      strategy: 'cache-aside',
      l1: { enabled: true, ttlMs: T, coalesce: true },
      l2: { ttlMs: null, serviceMs },
      staleWindows: { l1: { whileRevalidateMs } },
    },
  };
  return runScenario(scenarioSchema.parse(input));
}

describe('stale-while-revalidate in the L1', () => {
  const swr = runL1(60_000);
  const ld = (lambda * d) / 1000;
  const lT = (lambda * T) / 1000;

  it('sends exactly one refresh per expiry cycle, and nothing else to Redis after the cold start', () => {
    const w = swr.staleWindows!.l1;
    // Cycles last T + 1/λ + d; their number is tight (only the 1/λ part varies, sd 1/λ per cycle).
    const cycles = durationMs / (T + 1000 / lambda + d);
    const sd = (Math.sqrt(cycles) * (1000 / lambda)) / (T + 1000 / lambda + d);
    expect(Math.abs(w.revalidations - cycles)).toBeLessThan(4 * sd + 2);
    expect(w.revalidationErrors).toBe(0);
    // Redis sees the cold start's GET and the refreshes (the last perhaps still on its way), nothing
    // else: the reads of the cold start's fetch wait on it (coalesced), and every later read is an L1 hit.
    const lookups = swr.l2.hits + swr.l2.misses;
    expect(lookups - 1).toBeLessThanOrEqual(w.revalidations);
    expect(lookups - 1).toBeGreaterThanOrEqual(w.revalidations - 1);
    expect(swr.l1.misses).toBeLessThan(20);
  });

  it('serves the share of stale answers the window predicts: (1 + λd) / (1 + λd + λT)', () => {
    const w = swr.staleWindows!.l1;
    const n = w.revalidations;
    const share = w.servedWhileRevalidating / swr.l1.hits;
    const expected = (1 + ld) / (1 + ld + lT);
    // Over n cycles the stale answers are n + Poisson(λdn), the fresh ones Poisson(λTn): four sd.
    const rel = Math.sqrt(ld * n) / (n * (1 + ld)) + 1 / Math.sqrt(lT * n);
    expect(Math.abs(share / expected - 1)).toBeLessThan(4 * rel);
    const meanPast = (1000 / lambda + ld * (1000 / lambda + d / 2)) / (1 + ld);
    expect(Math.abs(w.meanPastTtlMs / meanPast - 1)).toBeLessThan(4 * rel);
    // Without writes nothing is older than the database: past the TTL is not wrong.
    expect(swr.staleReads).toBe(0);
  });

  it('without the window each expiry costs a read the round trip (the p99 is the fetch)', () => {
    const plain = runL1(0);
    expect(plain.staleWindows).toBeUndefined();
    expect(plain.latencyMs.p99).toBeGreaterThan(d);
    expect(swr.latencyMs.p99).toBeLessThan(d);
  });
});

/**
 * SWR in Redis: the same cycle, one key read at rate λ with no L1, kept T in Redis. The window opens at
 * the shard when the first read's GET finds the key past its TTL; the refresh leaves the instance once
 * that reply is back, reads the database and its SET lands: d = service + redisMs + 2 · dbMs + readMs +
 * redisMs (the SET's service is ahead of nothing: the shard is idle). One database read per cycle.
 */
describe('stale-while-revalidate in Redis', () => {
  const net = { clientMs: 1, redisMs: 5, dbMs: 5, jitterMs: 0 };
  const readMs = 20;
  const dl2 = serviceMs + net.redisMs + 2 * net.dbMs + readMs + net.redisMs;
  const input: ScenarioInput = {
    version: 1,
    seed: 11,
    durationMs,
    workload: { rps: lambda, readRatio: 1, keys: 1, zipf: 0 },
    topology: { instances: 2, redisShards: 1 },
    network: net,
    cache: {
      strategy: 'cache-aside',
      l1: { enabled: false },
      l2: { ttlMs: T, serviceMs },
      staleWindows: { l2: { whileRevalidateMs: 60_000 } },
    },
    database: { readMs, serviceTime: 'constant' },
  };
  const swr = runScenario(scenarioSchema.parse(input));

  it('reads the database once per expiry cycle and serves the predicted share stale', () => {
    const w = swr.staleWindows!.l2;
    const ld = (lambda * dl2) / 1000;
    const lT = (lambda * T) / 1000;
    // The cold start's misses (the reads during the first fetch), then no miss at all: one refresh
    // per cycle (the last perhaps still on its way).
    expect(swr.l2.misses).toBeLessThan(20);
    expect(swr.db.reads - swr.l2.misses).toBeLessThanOrEqual(w.revalidations);
    expect(swr.db.reads - swr.l2.misses).toBeGreaterThanOrEqual(w.revalidations - 1);
    const n = w.revalidations;
    const cycles = durationMs / (T + 1000 / lambda + dl2);
    const sd = (Math.sqrt(cycles) * (1000 / lambda)) / (T + 1000 / lambda + dl2);
    expect(Math.abs(n - cycles)).toBeLessThan(4 * sd + 2);
    const share = w.servedWhileRevalidating / swr.l2.hits;
    const rel = Math.sqrt(ld * n) / (n * (1 + ld)) + 1 / Math.sqrt(lT * n);
    expect(Math.abs(share / ((1 + ld) / (1 + ld + lT)) - 1)).toBeLessThan(4 * rel);
  });
});

/**
 * stale-if-error in the L1: a Redis shard is down for 10 s with `redisDownPolicy: "fail"`; every key is
 * in every instance's L1 before it goes down, and the window outlasts the outage. Every read that would
 * have failed finds its instance's copy within the window, so it is served stale instead: no error at
 * all, and exactly as many stale answers as the plain run had errors (the window draws no random number
 * and adds no event, so both runs are the same but for those answers).
 */
function runOutage(ifErrorMs: number): Summary {
  const input: ScenarioInput = {
    version: 1,
    seed: 3,
    durationMs: 20_000,
    workload: { rps: 2000, readRatio: 1, keys: 10, zipf: 0.5 },
    topology: { instances: 2, redisShards: 1 },
    cache: {
      strategy: 'cache-aside',
      l1: { enabled: true, ttlMs: 500 },
      l2: { ttlMs: 60_000 },
      redisDownPolicy: 'fail',
      staleWindows: { l1: { ifErrorMs } },
    },
    failures: [{ atMs: 5000, kind: 'redis-shard-crash', durationMs: 10_000 }],
  };
  return runScenario(scenarioSchema.parse(input));
}

describe('stale-if-error in the L1 during a Redis outage', () => {
  it('turns every error into a stale read of a cached key', () => {
    const plain = runOutage(0);
    const sie = runOutage(60_000);
    const w = sie.staleWindows!.l1;
    expect(plain.errors).toBeGreaterThan(100);
    expect(sie.errors).toBe(0);
    expect(w.servedIfError).toBe(plain.errors);
    expect(sie.requests).toBe(plain.requests);
    expect(w.servedWhileRevalidating).toBe(0);
    // Served up to the outage's length past the TTL, never more than the window.
    expect(w.maxPastTtlMs).toBeGreaterThan(5000);
    expect(w.maxPastTtlMs).toBeLessThan(10_000);
  });
});

describe('stale-if-error in Redis during a database outage (presets)', () => {
  it('answers most errors with the copy Redis kept, none older than the window allows', () => {
    const plain = runScenario(getPreset('db-outage-behind-redis')!);
    const sie = runScenario(getPreset('db-outage-redis-stale-if-error')!);
    const w = sie.staleWindows!.l2;
    expect(plain.staleWindows).toBeUndefined();
    expect(w.servedIfError).toBeGreaterThan(plain.errors * 0.8);
    // The errors left are reads of keys Redis never held before the outage, or a write deleted.
    expect(sie.errors).toBeLessThan(plain.errors * 0.2);
    expect(sie.requests).toBe(plain.requests);
    // The outage lasts 20 s after keys of 10 s: nothing served is more than 30 s past its TTL.
    expect(w.maxPastTtlMs).toBeLessThan(30_000);
    expect(w.revalidations).toBe(0);
  });

  it.each(['l1-hot-key-swr', 'db-outage-redis-stale-if-error'])(
    '%s replays exactly through a snapshot and restore',
    (id) => {
      const scenario = getPreset(id)!;
      const sim = createSimulation(scenario);
      sim.runUntil(scenario.durationMs / 2 + 1234);
      const snap = sim.snapshot();
      sim.runUntil(scenario.durationMs);
      const whole = sim.summary();
      sim.restore(snap);
      sim.runUntil(scenario.durationMs);
      expect(sim.summary()).toEqual(whole);
    },
  );
});
