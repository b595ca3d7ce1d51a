/**
 * Behaviour of the model under each caching strategy, and the article's arithmetic (fidelity.md section 8)
 * that a run must show: the hot-key shard factor, the L1 fan-in to Redis, the L1 inconsistency window.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from '../../src/engine/index.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import type { Simulation, TraceHop, TraceRequest } from '../../src/engine/types.ts';

const ZERO_NETWORK = { clientMs: 0, redisMs: 0, dbMs: 0, jitterMs: 0 };

/** A mixed read/write workload over a small keyspace, L1 off, a 2 s Redis TTL. */
function mixed(strategy: string, extra: Partial<ScenarioInput> = {}) {
  return scenarioSchema.parse({
    version: 1,
    seed: 9,
    durationMs: 30_000,
    workload: { rps: 2000, readRatio: 0.9, keys: 1000, zipf: 0.99 },
    topology: { instances: 4, redisShards: 3 },
    cache: { strategy, l1: { enabled: false }, l2: { ttlMs: 2000 } },
    ...extra,
  });
}

/** Runs to the end with tracing, draining every simulated second. */
function runTraced(sim: Simulation, endMs: number): { requests: TraceRequest[]; hops: TraceHop[] } {
  const requests: TraceRequest[] = [];
  const hops: TraceHop[] = [];
  for (let t = 1000; t < endMs + 1000; t += 1000) {
    sim.runUntil(Math.min(t, endMs));
    requests.push(...sim.drainRequests());
    hops.push(...sim.drainHops());
  }
  return { requests, hops };
}

describe('strategies', () => {
  it("'none': every read goes to the database, none to a cache", () => {
    const scenario = mixed('none', {
      durationMs: 10_000,
      workload: { rps: 1000, readRatio: 0.9, keys: 1000, zipf: 0.99 },
    });
    const sim = createSimulation(scenario, { trace: true });
    const { requests, hops } = runTraced(sim, scenario.durationMs);
    const summary = sim.summary();
    const dbReadIds = new Set(hops.filter((h) => h.to === 'db' && h.op === 'read').map((h) => h.requestId));
    const reads = requests.filter((r) => !r.isWrite);
    expect(reads.length).toBe(summary.reads);
    expect(reads.length).toBeGreaterThan(8000);
    for (const r of reads) expect(dbReadIds.has(r.requestId)).toBe(true);
    expect(hops.some((h) => h.to.startsWith('redis-'))).toBe(false);
    expect(summary.l1.hits + summary.l1.misses + summary.l2.hits + summary.l2.misses).toBe(0);
    // Reads still in the database or on their way back at the end are the only difference.
    expect(summary.db.reads - summary.reads).toBeGreaterThanOrEqual(0);
    expect(summary.db.reads - summary.reads).toBeLessThanOrEqual(summary.db.peakConcurrency);
  });

  it("'ttl-only' serves stale reads, no older than the TTL", () => {
    const scenario = mixed('ttl-only');
    const ttl = scenario.cache.l2.ttlMs!;
    const summary = runScenario(scenario);
    expect(summary.staleReads).toBeGreaterThan(1000);
    // A value read at t is cached until t + (SET hop) + TTL: a few milliseconds of network at most.
    expect(summary.maxStaleAgeMs).toBeLessThanOrEqual(ttl + 50);
    expect(summary.maxStaleAgeMs).toBeGreaterThan(0.5 * ttl);
  });

  it("'cache-aside' serves fewer stale reads than 'ttl-only' on the same seed", () => {
    const ttlOnly = runScenario(mixed('ttl-only'));
    const cacheAside = runScenario(mixed('cache-aside'));
    expect(cacheAside.staleReads).toBeLessThan(ttlOnly.staleReads / 10);
  });

  it("'write-through' writes wait for the SET: one Redis round trip more than 'cache-aside'", () => {
    // Plenty of connections and a constant service time, so database queueing does not blur the difference.
    const meanWriteLatency = (strategy: string): number => {
      const scenario = mixed(strategy, { database: { connections: 200, serviceTime: 'constant' } });
      const { requests } = runTraced(createSimulation(scenario, { trace: true }), scenario.durationMs);
      const writes = requests.filter((r) => r.isWrite);
      expect(writes.length).toBeGreaterThan(4000);
      return writes.reduce((sum, r) => sum + r.endMs - r.startMs, 0) / writes.length;
    };
    const net = mixed('write-through').network;
    const serviceMs = mixed('write-through').cache.l2.serviceMs;
    const roundTrip = 2 * (net.redisMs + net.jitterMs) + serviceMs;
    const extra = meanWriteLatency('write-through') - meanWriteLatency('cache-aside');
    expect(extra).toBeGreaterThan(0);
    expect(Math.abs(extra / roundTrip - 1)).toBeLessThanOrEqual(0.1);
  });

  it('an L1 on 10 instances keeps serving a written key for up to the L1 TTL', () => {
    // The article's "10 instances with a 5-minute L1", scaled down to a 5 s L1. Writes are rare (about one
    // per key every 10 s) so the age of a stale read is not cut short by the next write.
    const l1TtlMs = 5000;
    const summary = runScenario(
      scenarioSchema.parse({
        version: 1,
        seed: 9,
        durationMs: 60_000,
        workload: { rps: 2000, readRatio: 0.9995, keys: 10, zipf: 0 },
        topology: { instances: 10, redisShards: 3 },
        cache: {
          strategy: 'cache-aside',
          l1: { enabled: true, ttlMs: l1TtlMs },
          l2: { ttlMs: 600_000 },
        },
      }),
    );
    expect(summary.writes).toBeGreaterThan(30);
    expect(summary.staleReads).toBeGreaterThan(0);
    expect(summary.maxStaleAgeMs).toBeGreaterThan(0.9 * l1TtlMs);
    expect(summary.maxStaleAgeMs).toBeLessThanOrEqual(l1TtlMs + 50);
  });

  it('a Redis restart sends a spike of reads to the database right after it', () => {
    const restartAt = 20_000;
    const summary = runScenario(
      scenarioSchema.parse({
        version: 1,
        seed: 9,
        durationMs: 30_000,
        workload: { rps: 1000, readRatio: 0.95, keys: 1000, zipf: 0.99 },
        topology: { instances: 4, redisShards: 3 },
        cache: { strategy: 'cache-aside', l2: { ttlMs: 60_000 } },
        failures: [{ atMs: restartAt, kind: 'redis-restart' }],
      }),
    );
    const points = summary.series.points;
    // The point at tMs covers [tMs - 1000, tMs).
    const after = points.find((p) => p.tMs === restartAt + 1000)!;
    const before = points.filter((p) => p.tMs > restartAt - 3000 && p.tMs <= restartAt);
    const meanBefore = before.reduce((s, p) => s + p.dbReads, 0) / before.length;
    expect(before.length).toBe(3);
    expect(after.dbReads).toBeGreaterThan(3 * meanBefore);
    const warm = points.filter((p) => p.tMs > 5000);
    expect(Math.max(...warm.map((p) => p.dbReads))).toBe(after.dbReads);
  });

  it('16 shards, one key taking 50 % of traffic: its shard carries 16 (0.5 + 0.5/16) of the mean', () => {
    const shards = 16;
    const share = 0.5;
    const summary = runScenario(
      scenarioSchema.parse({
        version: 1,
        seed: 9,
        durationMs: 20_000,
        // Reads only and no expiry, so after the first 1000 misses every operation is a GET.
        workload: { rps: 10_000, readRatio: 1, keys: 1000, zipf: 0, hotKey: { share } },
        topology: { instances: 4, redisShards: shards },
        cache: { strategy: 'cache-aside', l1: { enabled: false }, l2: { ttlMs: null } },
      }),
    );
    const expected = shards * (share + (1 - share) / shards);
    expect(Math.abs(summary.hotShardFactor / expected - 1)).toBeLessThanOrEqual(0.03);
  });

  it('a 1 s L1 on 20 instances: a hot key reaches Redis about 20 times a second', () => {
    // With no Redis round trip, each instance sends one GET per L1 expiry. (With a round trip r, the reads
    // arriving during it miss too: 1 + lambda_i r GETs per expiry.)
    const instances = 20;
    const l1TtlMs = 1000;
    const summary = runScenario(
      scenarioSchema.parse({
        version: 1,
        seed: 9,
        durationMs: 20_000,
        workload: { rps: 20_000, readRatio: 1, keys: 1, hotKey: { share: 1 } },
        topology: { instances },
        network: ZERO_NETWORK,
        cache: {
          strategy: 'cache-aside',
          l1: { enabled: true, ttlMs: l1TtlMs },
          l2: { ttlMs: 60_000, serviceMs: 0 },
        },
      }),
    );
    // Skip the first two seconds: the cold start sends a herd to Redis while the database read is in flight.
    const steady = summary.series.points.filter((p) => p.tMs > 2000);
    const perSecond =
      steady.reduce((s, p) => s + p.l2Hits + p.l2Misses, 0) /
      ((steady.length * summary.series.intervalMs) / 1000);
    const expected = instances / (l1TtlMs / 1000);
    expect(Math.abs(perSecond / expected - 1)).toBeLessThanOrEqual(0.05);
  });
});
