import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import type { Summary } from '../../src/engine/types.ts';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';

function run(tracking: object, extra: Partial<ScenarioInput> = {}): Summary {
  const input: ScenarioInput = {
    version: 1,
    seed: 3,
    durationMs: 5000,
    workload: { rps: 1000, readRatio: 0.9, keys: 500, zipf: 0.9 },
    topology: { instances: 4, redisShards: 2 },
    cache: {
      strategy: 'cache-aside',
      l1: { enabled: true, ttlMs: 60_000 },
      l2: { ttlMs: 60_000 },
      tracking: { enabled: true, ...tracking },
    },
    ...extra,
  };
  return runScenario(scenarioSchema.parse(input));
}

describe('tracking', () => {
  it('is absent from the Summary when off', () => {
    expect(run({ enabled: false }).tracking).toBeUndefined();
  });

  it('cuts the stale reads of long-lived L1 copies', () => {
    const off = run({ enabled: false });
    const on = run({});
    expect(on.staleReads).toBeLessThan(off.staleReads / 2);
    expect(on.tracking!.sent).toBeGreaterThan(0);
    expect(on.tracking!.l1Dropped).toBeGreaterThan(0);
  });

  it('holds each shard table to its cap, plus the key the last read added', () => {
    const t = run({ tableMaxKeys: 20 }).tracking!;
    expect(t.tableMaxKeys).toBe(20);
    expect(t.tablePeakKeys).toBe(21);
    expect(t.capForgottenKeys).toBeGreaterThan(0);
    // Each forgotten key had at least one reader, told as if the key had changed.
    expect(t.byCap).toBeGreaterThanOrEqual(t.capForgottenKeys);
    expect(run({}).tracking!.byCap).toBe(0);
  });

  it('OPTIN with no key opted in tracks nothing and keeps nothing in the L1', () => {
    const r = run({ mode: 'optin', optKeys: 0 });
    expect(r.tracking!.sent).toBe(0);
    expect(r.tracking!.tablePeakKeys).toBe(0);
    expect(r.l1.hits).toBe(0);
  });

  it('OPTOUT of every key is OPTIN of none; CLIENT CACHING is counted per read opted', () => {
    const out = run({ mode: 'optout', optKeys: 500 });
    expect(out.tracking!.sent).toBe(0);
    expect(out.tracking!.cachingCommands).toBeGreaterThan(0);
    const some = run({ mode: 'optin', optKeys: 50 });
    expect(some.tracking!.sent).toBeGreaterThan(0);
    expect(some.tracking!.cachingCommands).toBeGreaterThan(0);
  });

  it('the race fix keeps no value whose invalidation passed it, and counts them', () => {
    const plain = run({}).tracking!;
    const fixed = run({ raceFix: true }).tracking!;
    expect(plain.races).toBeGreaterThan(0);
    expect(plain.racesPrevented).toBe(0);
    expect(fixed.races).toBe(0);
    expect(fixed.racesPrevented).toBeGreaterThan(0);
  });

  it('gives the same run twice', () => {
    expect(JSON.stringify(run({ mode: 'bcast', noloop: true }))).toBe(
      JSON.stringify(run({ mode: 'bcast', noloop: true })),
    );
  });
});
