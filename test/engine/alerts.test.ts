import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/core/rng.ts';
import { runScenario } from '../../src/engine/index.ts';
import { createShardStore, storeSet } from '../../src/engine/redis/shardStore.ts';
import { createMonitor, expiringAtOnce } from '../../src/engine/mechanisms/alerts/index.ts';
import type { Ctx } from '../../src/engine/flow/context.ts';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';

const run = (input: Omit<ScenarioInput, 'version'>) =>
  runScenario(scenarioSchema.parse({ version: 1, ...input }));
const fired = (r: ReturnType<typeof run>, rule: string) => r.alerts.find((a) => a.rule === rule);
const pointsWith = (r: ReturnType<typeof run>, rule: string) =>
  r.series.points.filter((p) => p.alerts.includes(rule));

/** 100 keys read at 1000/s, never written: a warm, healthy cache after the first second. */
const healthy = {
  durationMs: 40_000,
  workload: { rps: 1000, readRatio: 1, keys: 100, zipf: 0 },
  cache: { strategy: 'cache-aside' as const, l2: { ttlMs: null } },
};

describe('monitoring alerts', () => {
  it('hit-rate: fires when the Redis hit rate is below 70 %, not on a healthy cache', () => {
    const low = run({
      durationMs: 20_000,
      workload: { keys: 100_000, zipf: 0.5 },
      cache: { l2: { ttlMs: 1000 } },
    });
    const a = fired(low, 'hit-rate');
    expect(a?.count).toBe(20);
    expect(a?.message).toMatch(/below 70.0 %/);
    expect(fired(run(healthy), 'hit-rate')).toBeUndefined();
  });

  it('miss-spike: fires when a Redis restart empties a warm cache, at the restart', () => {
    const restart = {
      ...healthy,
      workload: { ...healthy.workload, keys: 1000 },
      failures: [{ atMs: 20_500, kind: 'redis-restart' as const, durationMs: 0 }],
    };
    const r = run(restart);
    const a = fired(r, 'miss-spike');
    expect(a?.firstAtMs).toBe(21_000);
    expect(pointsWith(r, 'miss-spike').map((p) => p.tMs)).toContain(21_000);
    expect(fired(run({ ...restart, failures: [] }), 'miss-spike')).toBeUndefined();
  });

  it('evictions: fires when a full shard evicts, not when shards are unbounded', () => {
    const full = run({
      ...healthy,
      workload: { ...healthy.workload, keys: 10_000 },
      cache: { l2: { maxKeys: 100 } },
    });
    expect(fired(full, 'evictions')?.count).toBeGreaterThan(30);
    expect(
      fired(run({ ...healthy, workload: { ...healthy.workload, keys: 10_000 } }), 'evictions'),
    ).toBeUndefined();
  });

  it('memory: fires above 80 % of the shard limit, not below', () => {
    const base = { ...healthy, workload: { ...healthy.workload, keys: 3000 } };
    // 3000 keys over 3 shards: about 1000 each.
    expect(fired(run({ ...base, cache: { l2: { maxKeys: 1100, ttlMs: null } } }), 'memory')).toBeDefined();
    expect(fired(run({ ...base, cache: { l2: { maxKeys: 2000, ttlMs: null } } }), 'memory')).toBeUndefined();
    // With maxmemory, bytes count: an empty node's 1.7 MB and 1000 keys of about 1.4 KB per shard, about
    // 3.1 MB, against 3.5 MB (89 %), then 5 MB (62 %).
    expect(
      fired(run({ ...base, cache: { l2: { maxMemoryBytes: 3_500_000, ttlMs: null } } }), 'memory'),
    ).toBeDefined();
    expect(
      fired(run({ ...base, cache: { l2: { maxMemoryBytes: 5_000_000, ttlMs: null } } }), 'memory'),
    ).toBeUndefined();
  });

  it('p99: fires when a busy shard queues commands beyond 5 ms, not at normal service times', () => {
    const busy = {
      durationMs: 10_000,
      workload: { rps: 1000, readRatio: 1, keys: 10, zipf: 0 },
      topology: { redisShards: 1 },
      cache: { l2: { serviceMs: 0.98 } },
    };
    const r = run(busy);
    expect(fired(r, 'p99')).toBeDefined();
    expect(Math.max(...r.series.points.map((p) => p.redisP99))).toBeGreaterThan(5);
    const calm = run({ ...busy, cache: { l2: { serviceMs: 0.02 } } });
    expect(fired(calm, 'p99')).toBeUndefined();
    expect(Math.max(...calm.series.points.map((p) => p.redisP99))).toBeLessThan(0.1);
  });

  it('key-growth: fires when keys pile up after the warm-up (a leak), not on a stable keyspace', () => {
    const leak = {
      durationMs: 50_000,
      workload: { rps: 100, readRatio: 1, keys: 2_000_000, zipf: 0, phases: [{ atMs: 30_000, rps: 1000 }] },
      cache: { l2: { ttlMs: null } },
    };
    const r = run(leak);
    expect(fired(r, 'key-growth')?.firstAtMs).toBeGreaterThanOrEqual(30_000);
    // Ten times the new keys per second from 30 s: the count more than doubles within ten intervals.
    expect(pointsWith(r, 'key-growth').some((p) => p.tMs >= 35_000)).toBe(true);
    const stable = run({
      ...leak,
      workload: { ...leak.workload, rps: 1000, phases: [] },
      cache: { l2: { ttlMs: 5000 } },
    });
    expect(fired(stable, 'key-growth')).toBeUndefined();
  });

  it('expiring-at-once: fires when most keys were filled in the same second with one TTL, not without TTLs', () => {
    const r = run({ ...healthy, cache: { l2: { ttlMs: 60_000 } } });
    const a = fired(r, 'expiring-at-once');
    expect(a?.firstAtMs).toBe(1000);
    expect(a?.message).toMatch(/100.0 % of live keys/);
    expect(fired(run(healthy), 'expiring-at-once')).toBeUndefined();
  });

  it('thresholds are configurable and monitoring can be switched off', () => {
    const low = {
      durationMs: 10_000,
      workload: { keys: 100_000, zipf: 0.5 },
      cache: { l2: { ttlMs: 1000 } },
    };
    // Its hit rate is about 2 % (1 % in the cold first second): a threshold of 0.5 % never fires.
    expect(fired(run({ ...low, monitoring: { hitRateBelow: 0.005 } }), 'hit-rate')).toBeUndefined();
    const off = run({ ...low, monitoring: { enabled: false } });
    expect(off.alerts).toEqual([]);
    expect(off.series.points.every((p) => p.alerts.length === 0)).toBe(true);
  });

  it('expiringAtOnce: the busiest second of the sampled expiries, as a share of live keys', () => {
    const store = createShardStore(null, 'allkeys-lru');
    const rng = createRng(1);
    // Seconds from now (t = 1 s): 0 holds three expiries, 1 holds five, 8 holds one.
    [1500, 1700, 1999, 2000, 2500, 2600, 2700, 2999, 9000].forEach((at, k) =>
      storeSet(store, k, 1, at, 0, rng),
    );
    storeSet(store, 100, 1, Infinity, 0, rng); // live, without a TTL: never sampled
    const c = { s: { now: 1000, shards: [{ store }], mech: { alerts: createMonitor(1) } } } as unknown as Ctx;
    expect(expiringAtOnce(c)).toEqual({ share: ((5 / 9) * 9) / 10, keys: 10 });
    expect(expiringAtOnce(c)).toEqual({ share: ((5 / 9) * 9) / 10, keys: 10 }); // nothing carried over
  });
});
