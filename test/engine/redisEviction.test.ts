/**
 * Redis memory and eviction in whole runs: the memory-pressure and lfu-vs-lru presets, active expiry,
 * the TTL distribution, and determinism with all of it on.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from '../../src/engine/index.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { scenarioSchema, type Scenario } from '../../src/scenario/schema.ts';
import { EMPTY_NODE_BYTES, entryBytes } from '../../src/engine/redis/memory.ts';

function preset(id: string): Scenario {
  const s = getPreset(id);
  if (!s) throw new Error(`no preset ${id}`);
  return s;
}

describe('memory-pressure', () => {
  const lru = runScenario(preset('memory-pressure'));
  const noEvictionScenario = preset('memory-pressure');
  noEvictionScenario.cache.l2.eviction = 'noeviction';
  const noEviction = runScenario(noEvictionScenario);
  const limit = 4_000_000;
  // One `key:<n>` entry with a 1 KiB value and a TTL, for names of 5 to 9 bytes (memory.ts, and the
  // 32-byte class of an `expires` entry).
  const smallest = entryBytes('key:0', 1024) + 32;
  const largest = entryBytes('key:19999', 1024) + 32;

  it('allkeys-lru keeps every shard at maxmemory by evicting, past it by at most the last SET', () => {
    for (const sh of lru.shards) {
      expect(sh.maxMemoryBytes).toBe(limit);
      expect(sh.memoryBytes).toBeLessThanOrEqual(limit + largest);
      // Full: within a few entries of the limit; writes' DELs and expiries free an entry's room now and
      // then, which the next SET takes back.
      expect(sh.memoryBytes).toBeGreaterThan(limit - 10 * largest);
      expect(sh.evictions).toBeGreaterThan(1000);
      expect(sh.rejectedWrites).toBe(0);
      // Above the empty node's memory: the entries, and at most 16 bytes a key of each dict's buckets.
      const perKey = (sh.memoryBytes - EMPTY_NODE_BYTES) / sh.keys;
      expect(perKey).toBeGreaterThanOrEqual(smallest);
      expect(perKey).toBeLessThanOrEqual(largest + 2 * 16);
    }
    const last = lru.series.points.at(-1)!;
    expect(last.shardMemoryBytes.every((b) => b <= limit + largest && b > limit - 10 * largest)).toBe(true);
    // The shards fill up within the first seconds; from then on every interval evicts.
    expect(lru.series.points.slice(10).every((p) => p.evictions > 0)).toBe(true);
  });

  it('noeviction evicts nothing and refuses the SETs once over the limit, so fewer reads hit', () => {
    expect(noEviction.shards.every((sh) => sh.evictions === 0 && sh.memoryBytes <= limit + largest)).toBe(
      true,
    );
    expect(noEviction.rejectedWrites).toBeGreaterThan(10_000);
    expect(noEviction.rejectedWrites).toBe(noEviction.shards.reduce((n, sh) => n + sh.rejectedWrites, 0));
    expect(lru.l2.hitRatio).toBeGreaterThan(noEviction.l2.hitRatio + 0.1);
  });

  it('without a limit nothing is evicted and memory is the sum of the entries', () => {
    const s = preset('memory-pressure');
    s.cache.l2.maxMemoryBytes = null;
    const r = runScenario(s);
    for (const sh of r.shards) {
      expect(sh.evictions).toBe(0);
      expect(sh.maxMemoryBytes).toBeNull();
      expect(sh.memoryBytes).toBeGreaterThan(EMPTY_NODE_BYTES + sh.keys * smallest);
      expect(sh.memoryBytes).toBeGreaterThan(limit);
    }
  });
});

describe('lfu-vs-lru', () => {
  it('allkeys-lfu keeps the popular products through the export scan; allkeys-lru does not', () => {
    const lfu = runScenario(preset('lfu-vs-lru'));
    const s = preset('lfu-vs-lru');
    s.cache.l2.eviction = 'allkeys-lru';
    const lru = runScenario(s);
    expect(lfu.l2.hitRatio).toBeGreaterThan(lru.l2.hitRatio + 0.03);
    expect(lfu.db.reads).toBeLessThan(lru.db.reads);
    // The ceiling: 70 % of reads are products, and ~1800 entries fit; the top 1800 of a Zipf(1) over
    // 5000 take H(1800)/H(5000) of the product reads.
    const harmonic = (n: number) =>
      Array.from({ length: n }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b, 0);
    const ceiling = 0.7 * (harmonic(1800) / harmonic(5000));
    expect(lfu.l2.hitRatio).toBeLessThan(ceiling);
  });
});

describe('active expiry', () => {
  const base = scenarioSchema.parse({
    version: 1,
    durationMs: 20_000,
    workload: { rps: 1000, readRatio: 1, keys: 50_000, zipf: 0.6 },
    cache: { l2: { ttlMs: 2000 } },
  });

  it('removes expired keys that are never read again; lazy expiry alone leaves them', () => {
    const active = runScenario(base);
    const lazyOnly = runScenario({ ...base, cache: { ...base.cache, l2: { ...base.cache.l2, hz: 0 } } });
    const keys = (r: typeof active) => r.shards.reduce((n, sh) => n + sh.keys, 0);
    const expired = (r: typeof active) => r.shards.reduce((n, sh) => n + sh.expired, 0);
    // Live keys: about rate x TTL of distinct keys; active expiry keeps the store near that (it stops
    // once under 25 % of a sample has expired), lazy expiry lets dead keys pile up.
    expect(keys(active)).toBeLessThan(keys(lazyOnly) / 2);
    expect(expired(active)).toBeGreaterThan(2 * expired(lazyOnly));
    // Requests see exactly the same cache either way: expiry on access hides the dead keys.
    expect(active.l2).toEqual(lazyOnly.l2);
    expect(active.latencyMs).toEqual(lazyOnly.latencyMs);
  });

  it('the TTL distribution lists the live keys by time left', () => {
    const sim = createSimulation(base);
    sim.runUntil(10_000);
    const d = sim.ttlDistribution();
    expect(d.edgesMs[0]).toBe(1000);
    expect(d.counts).toHaveLength(d.edgesMs.length + 1);
    // A 2 s TTL: everything live has under 2 s left: the first two buckets (< 1 s, 1-5 s).
    const total = d.counts.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(100);
    expect(d.counts[0]! + d.counts[1]!).toBe(total);
    expect(d.noExpiry).toBe(0);
    const left = sim.ttlRemaining(50);
    expect(left.length).toBeGreaterThan(0);
    expect(left.length).toBeLessThanOrEqual(50);
    expect(left.every((ms) => ms > 0 && ms <= 2000)).toBe(true);
    expect(sim.summary().ttlDistribution.counts.reduce((a, b) => a + b, 0)).toBe(total);
  });
});

describe('determinism with memory limits, LFU, persistence and failures', () => {
  it('a snapshot restored mid-run replays the rest exactly', () => {
    const s = preset('lfu-vs-lru');
    s.durationMs = 12_000;
    s.cache.l2.persistence = 'rdb';
    s.cache.l2.rdbIntervalMs = 2000;
    s.failures = [
      { atMs: 5000, kind: 'redis-shard-crash', target: 2, durationMs: 1000, multiplier: 5, stepMs: null },
      { atMs: 7000, kind: 'deploy', target: 0, durationMs: 500, multiplier: 5, stepMs: 200 },
    ];
    const sim = createSimulation(s);
    sim.runUntil(6_500);
    const snap = sim.snapshot();
    sim.runUntil(12_000);
    const first = sim.summary();
    sim.restore(snap);
    sim.runUntil(12_000);
    expect(sim.summary()).toEqual(first);
    expect(first).toEqual(runScenario(s));
    expect(first.instanceRestarts).toBe(4);
  });
});
