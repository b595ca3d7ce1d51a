import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from '../../src/engine/index.ts';
import { EMPTY_NODE_BYTES, entryBytesFor } from '../../src/engine/redis/memory.ts';
import type { Summary } from '../../src/engine/types.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { fuzzRuns, fuzzSeed } from '../helpers/fuzzRuns.ts';
import { runnableScenario } from '../helpers/scenarioArb.ts';

/** Every number in the Summary, with its path, for the "no NaN, no negative count" checks. */
function numbers(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => numbers(v, path === '' ? k : `${path}.${k}`));
}

/** The audit's invariants: conservation, ratios, ordering, capacity. */
function checkInvariants(scenario: Scenario, s: Summary): void {
  for (const [path, n] of numbers(s)) {
    expect(Number.isNaN(n), `${path} is NaN`).toBe(false);
    // Gauges of Redis may say Infinity only where documented (no limit); nothing counts below zero.
    expect(n, `${path} is negative`).toBeGreaterThanOrEqual(0);
  }
  expect(s.durationMs).toBe(scenario.durationMs);
  // Conservation: every request is a read or a write; every failure is a request; every stale read a read.
  expect(s.reads + s.writes).toBe(s.requests);
  expect(s.errors).toBeLessThanOrEqual(s.requests);
  expect(s.overload.timeouts).toBeLessThanOrEqual(s.errors);
  expect(s.staleReads).toBeLessThanOrEqual(s.reads);
  expect(s.staleAges.counts.reduce((a, b) => a + b, 0)).toBe(s.staleReads);
  // Series: the closed intervals account for no more than the run.
  const sum = (f: (p: Summary['series']['points'][number]) => number) =>
    s.series.points.reduce((n, p) => n + f(p), 0);
  expect(sum((p) => p.requests)).toBeLessThanOrEqual(s.requests);
  expect(sum((p) => p.errors)).toBeLessThanOrEqual(s.errors);
  expect(sum((p) => p.timeouts)).toBeLessThanOrEqual(s.overload.timeouts);
  expect(sum((p) => p.retries)).toBeLessThanOrEqual(s.overload.retries);
  // Ratios.
  for (const layer of [s.l1, s.l2, s.cdn, s.queryCache]) {
    expect(layer.hitRatio).toBeLessThanOrEqual(1);
    const lookups = layer.hits + layer.misses;
    expect(layer.hitRatio).toBeCloseTo(lookups > 0 ? layer.hits / lookups : 0, 12);
  }
  expect(s.db.utilisation).toBeLessThanOrEqual(1 + 1e-9);
  // Ordering: latency quantiles in order (the histogram's buckets are 0.4 % wide).
  const l = s.latencyMs;
  if (s.requests > 0) {
    expect(l.p50).toBeLessThanOrEqual(l.p95);
    expect(l.p95).toBeLessThanOrEqual(l.p99);
    expect(l.p99).toBeLessThanOrEqual(l.max * 1.01 + 1e-9);
  }
  // Capacity: the pool, the shards' limits, the client's patience (live changes may raise a limit).
  const largest = (path: string, start: number | null): number | null =>
    scenario.changes.reduce<number | null>(
      (m, ch) =>
        ch.path !== path || m === null ? m : ch.value === null ? null : Math.max(m, Number(ch.value)),
      start,
    );
  expect(s.db.peakConcurrency).toBeLessThanOrEqual(
    largest('database.connections', scenario.database.connections)!,
  );
  if (scenario.database.maxQueue !== null)
    expect(s.db.peakQueue).toBeLessThanOrEqual(scenario.database.maxQueue);
  // Redis evicts before each command while over maxmemory and refuses a write when nothing is left to
  // evict, so at the end the last write may have passed the limit by one entry (name under 128 bytes, the
  // largest value, a TTL entry) and the bucket arrays it grew (under 16 bytes a key each for the keyspace
  // and the TTLs). Below an empty node's memory no key can be held.
  const values = scenario.workload.families.map((f) => f.valueBytes);
  const oneEntry =
    entryBytesFor(128, Math.max(largest('workload.valueBytes', scenario.workload.valueBytes)!, ...values)) +
    32;
  for (const sh of s.shards) {
    if (sh.maxMemoryBytes !== null && sh.maxMemoryBytes < EMPTY_NODE_BYTES) expect(sh.keys).toBe(0);
    if (sh.maxMemoryBytes !== null && sh.keys > 0)
      expect(sh.memoryBytes).toBeLessThanOrEqual(sh.maxMemoryBytes + oneEntry + 32 * (sh.keys + 1));
    const maxKeys = largest('cache.l2.maxKeys', scenario.cache.l2.maxKeys);
    if (maxKeys !== null) expect(sh.keys).toBeLessThanOrEqual(maxKeys);
  }
  const timeout = scenario.workload.client.timeoutMs;
  if (timeout !== null && s.requests > 0) expect(l.max).toBeLessThanOrEqual(timeout * 1.01 + 1e-9);
  if (s.shards.some((sh) => sh.ops > 0)) expect(s.hotShardFactor).toBeGreaterThanOrEqual(1 - 1e-9);
}

describe('fuzz: random valid scenarios', () => {
  it('keep the Summary invariants', () => {
    fc.assert(
      fc.property(runnableScenario, (scenario) => checkInvariants(scenario, runScenario(scenario))),
      { numRuns: fuzzRuns(120), seed: fuzzSeed },
    );
  });

  it('snapshot, restore and continue equal an uninterrupted run', () => {
    fc.assert(
      fc.property(
        runnableScenario,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (scenario, f1, f2) => {
          const whole = runScenario(scenario);
          const at = scenario.durationMs * Math.min(f1, f2);
          const later = scenario.durationMs * Math.max(f1, f2);
          // Run to `at`, snapshot, wander on to `later`, come back and finish: the detour leaves no trace.
          const sim = createSimulation(scenario);
          sim.runUntil(at);
          const snap = sim.snapshot();
          sim.runUntil(later);
          sim.restore(snap);
          sim.runUntil(Infinity);
          expect(sim.summary()).toEqual(whole);
          // A fresh simulation of the same scenario continues from the snapshot just as well.
          const fresh = createSimulation(scenario);
          fresh.restore(snap);
          fresh.runUntil(Infinity);
          expect(fresh.summary()).toEqual(whole);
        },
      ),
      { numRuns: fuzzRuns(40), seed: fuzzSeed },
    );
  });
});
