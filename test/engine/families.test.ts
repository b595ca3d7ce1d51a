import { PLAN } from '../../src/engine/registry.ts';
import { describe, expect, it } from 'vitest';
import { zipfProbabilities } from '../../src/engine/core/zipf.ts';
import { createSimulation, runScenario } from '../../src/engine/index.ts';
import { valueBytesOf } from '../../src/engine/flow/keyspace.ts';
import { keySlot } from '../../src/engine/redis/keySlot.ts';
import { shardOf } from '../../src/engine/flow/addressing.ts';
import { createModel, keyName } from '../../src/engine/flow/model.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';

const parse = (input: Omit<ScenarioInput, 'version'>) => scenarioSchema.parse({ version: 1, ...input });
const run = (input: Omit<ScenarioInput, 'version'>) => runScenario(parse(input));
const S = 1000;

describe('key families', () => {
  it('numbers keys family offset + rank and names them <family>:<rank>', () => {
    const s = parse({
      workload: {
        families: [
          { name: 'product', keys: 100, ttlMs: 60_000 },
          { name: 'session', keys: 50, ttlMs: 1_800_000, valueBytes: 256 },
        ],
      },
    });
    const sim = createSimulation(s);
    expect(sim.inspectKey(0).name).toBe('product:0');
    expect(sim.inspectKey(99).name).toBe('product:99');
    expect(sim.inspectKey(100).name).toBe('session:0');
    expect(sim.inspectKey(149).name).toBe('session:49');
    const m = createModel(s, 1000, 1, 1000, PLAN);
    expect(m.keyCount).toBe(150);
    expect(valueBytesOf(m, 3)).toBe(1024);
    expect(valueBytesOf(m, 120)).toBe(256);
    expect(valueBytesOf(createModel(parse({ workload: { valueBytes: 300 } }), 1000, 1, 1000, PLAN), 7)).toBe(
      300,
    );
  });

  it('routes every key to the shard of its name, hash tags in family names included', () => {
    const s = parse({
      topology: { redisShards: 7 },
      workload: {
        families: [
          { name: 'product', keys: 300, ttlMs: 1000 },
          { name: 'user{eu}', keys: 20, ttlMs: 1000 },
          { name: 'ключ', keys: 200, ttlMs: 1000 },
          { name: 'a{b', keys: 20, ttlMs: 1000 },
        ],
      },
    });
    const m = createModel(s, 1000, 1, 1000, PLAN);
    for (let key = 0; key < m.keyCount; key++) {
      expect(shardOf(m, key)).toBe(m.slotToShard[keySlot(keyName(key, m))]);
    }
  });

  it('spreads requests over families by share', () => {
    const r = run({
      durationMs: 50_000,
      workload: {
        rps: 1000,
        families: [
          { name: 'a', share: 0.25, keys: 10, ttlMs: 1000 },
          { name: 'b', share: 0.75, keys: 10, ttlMs: 1000 },
        ],
      },
    });
    const total = r.families.reduce((n, f) => n + f.requests, 0);
    expect(total).toBe(r.requests);
    // Binomial with n = 50 000, p = 0.25: sd about 0.002.
    expect(r.families[0]!.requests / total).toBeCloseTo(0.25, 2);
  });

  it('gives each family its own TTL: hit ratio per family follows fidelity section 1', () => {
    const families = [
      { name: 'short', keys: 1000, zipf: 0.8, ttlMs: 1000, readRatio: 1 },
      { name: 'long', keys: 1000, zipf: 0.8, ttlMs: 4000, readRatio: 1 },
    ];
    const r = run({
      durationMs: 1_000_000,
      workload: { rps: 200, families },
      cache: { strategy: 'cache-aside', l1: { enabled: false } },
      network: { clientMs: 0, redisMs: 0, dbMs: 0, jitterMs: 0 },
      database: { readMs: 0, writeMs: 0 },
    });
    const p = zipfProbabilities(1000, 0.8);
    // 100 requests/s per family, TTL counted from insertion.
    const h = (ttlS: number) =>
      p.reduce((sum, pi) => sum + (pi * 100 * pi * ttlS) / (1 + 100 * pi * ttlS), 0);
    expect(h(1)).toBeCloseTo(0.2795, 4);
    expect(Math.abs(r.families[0]!.l2.hitRatio - h(1))).toBeLessThan(0.01);
    expect(Math.abs(r.families[1]!.l2.hitRatio - h(4))).toBeLessThan(0.01);
  });

  it('preset families: the article TTL table, balances bypassed, consequences counted from stale reads', () => {
    const scenario = getPreset('families')!;
    const ttl = Object.fromEntries(scenario.workload.families.map((f) => [f.name, f.ttlMs]));
    expect(ttl).toMatchObject({
      'user-profile': 300 * S,
      'product-listing': 60 * S,
      'feature-flags': 30 * S,
      'static-config': 3600 * S,
      'search-results': 120 * S,
      session: 1800 * S,
    });
    const r = runScenario(scenario);
    const fam = Object.fromEntries(r.families.map((f) => [f.name, f]));
    // Bypassed: never looked up in a cache, so no wrong balance. A direct read can still lose the race
    // with a write committed while its answer travels back, which is not the cache's doing.
    const balance = fam['account-balance']!;
    expect(balance).toMatchObject({ l1: { hits: 0, misses: 0 }, l2: { hits: 0, misses: 0 } });
    expect(balance.staleReads).toBeLessThan(balance.reads * 0.002);
    expect(r.consequences.wrongBalances).toBe(0);
    // Consequences count the stale values a cache served; most of a family's stale reads are those.
    for (const [count, name] of [
      [r.consequences.oversold, 'inventory'],
      [r.consequences.wrongPrices, 'price'],
      [r.consequences.revokedAllowed, 'permissions'],
    ] as const) {
      expect(count).toBeLessThanOrEqual(fam[name]!.staleReads);
      expect(count).toBeGreaterThan(0.9 * fam[name]!.staleReads);
    }
    expect(r.consequences.oversold).toBeGreaterThan(100);
    expect(r.families.reduce((n, f) => n + f.staleReads, 0)).toBe(r.staleReads);
    // Rarely written, few keys, long TTL: static config is the best cached family.
    expect(fam['static-config']!.l2.hitRatio).toBeGreaterThan(fam['search-results']!.l2.hitRatio);

    const bypassInventory = structuredClone(scenario);
    bypassInventory.workload.families.find((f) => f.name === 'inventory')!.bypass = true;
    const safe = runScenario(bypassInventory);
    expect(safe.consequences.oversold).toBe(0);
    expect(safe.db.reads).toBeGreaterThan(r.db.reads);
  });

  it('partial caching beats caching the whole object with the shortest TTL', () => {
    const partial = runScenario(getPreset('partial-caching')!);
    const whole = runScenario(getPreset('whole-object')!);
    // Same page views: three GETs each against one.
    expect(partial.requests / whole.requests).toBeCloseTo(3, 1);
    const [profile, prefs, activity] = partial.families;
    expect(profile!.l2.hitRatio).toBeGreaterThan(prefs!.l2.hitRatio);
    expect(prefs!.l2.hitRatio).toBeGreaterThan(activity!.l2.hitRatio);
    expect(partial.l2.hitRatio).toBeGreaterThan(whole.l2.hitRatio + 0.05);
    // Database reads per page view: the point of the exercise.
    expect(partial.db.reads).toBeLessThan(2 * whole.db.reads);
  });

  it('changes nothing without families', () => {
    const a = run({ durationMs: 5000 });
    const b = run({ durationMs: 5000, workload: { families: [] } });
    expect(b).toEqual(a);
    expect(a.families).toEqual([]);
    expect(a.consequences).toEqual({ oversold: 0, wrongPrices: 0, revokedAllowed: 0, wrongBalances: 0 });
  });
});
