import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import { bloomHas, bloomOfKeys } from '../../src/engine/mechanisms/negativeCache/bloom.ts';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';

/**
 * A Bloom filter of n keys in m bits with k hashes lets a key it never saw through with probability
 * (1 - e^(-kn/m))^k (Bloom 1970; the approximation is tight for the m and n used here). Measured over
 * many keys never added, the share that pass must sit within a few standard errors of it.
 */
const cases = [
  { m: 100_000, k: 7, n: 10_000 },
  { m: 20_000, k: 3, n: 5_000 },
  { m: 1 << 20, k: 10, n: 100_000 },
  { m: 4096, k: 1, n: 1000 },
];

describe('Bloom filter false positives against (1 - e^(-kn/m))^k', () => {
  it.each(cases)('m=$m, k=$k, n=$n', ({ m, k, n }) => {
    const b = bloomOfKeys(m, k, n);
    for (let key = 0; key < n; key++) expect(bloomHas(b, key)).toBe(true); // no false negatives
    const trials = 200_000;
    let passed = 0;
    for (let key = n; key < n + trials; key++) if (bloomHas(b, key)) passed++;
    const p = (1 - Math.exp((-k * n) / m)) ** k; // the formula, computed here
    const se = Math.sqrt((p * (1 - p)) / trials);
    // 5 standard errors, plus the formula's own error for finite m (about p·k/m relative, tiny here).
    expect(Math.abs(passed / trials - p)).toBeLessThan(5 * se + (p * k * k) / m);
  });
});

describe('negative caching in the engine', () => {
  function run(mode: 'none' | 'ttl' | 'bloom', absent: { share: number; keys: number }, rps = 1000) {
    const input: ScenarioInput = {
      version: 1,
      seed: 3,
      durationMs: 60_000,
      workload: { rps, readRatio: 1, keys: 1000, zipf: 0.9, absent },
      cache: {
        strategy: 'cache-aside',
        l2: { ttlMs: 600_000 },
        negative: { mode, ttlMs: 1000, bloomBits: 8000, bloomHashes: 4 },
      },
      database: { connections: 50, readMs: 10, serviceTime: 'constant' },
      network: { jitterMs: 0 },
    };
    return runScenario(scenarioSchema.parse(input));
  }

  it('without a guard every read of an absent key reads the database', () => {
    const r = run('none', { share: 0.2, keys: 50 });
    const n = r.negativeCache!;
    expect(n.lookups).toBeGreaterThan(10_000);
    // Those still on their way when the run ends have not read it yet.
    expect(n.lookups - n.dbReads).toBeGreaterThanOrEqual(0);
    expect(n.lookups - n.dbReads).toBeLessThan(10);
  });

  it('with the absence cached, one absent key reads the database once per TTL, plus its herd', () => {
    // One absent key read at λ = 20/s. A cycle: the TTL, the wait for the next read (1/λ), its GET's hop,
    // then w from the miss at the shard to the absence stored (reply hop, query hop, the read, reply
    // hop, SET hop and service). Reads that miss within w read the database too: 1 + λ·w per cycle.
    const lambdaAbsent = 20;
    const r = run('ttl', { share: lambdaAbsent / 1000, keys: 1 });
    const w = 0.25 + 0.5 + 10 + 0.5 + 0.25 + 0.02;
    const cycles = 60_000 / (1000 + 1000 / lambdaAbsent + 0.25 + w);
    const expected = cycles * (1 + (lambdaAbsent * w) / 1000);
    expect(r.negativeCache!.dbReads).toBeGreaterThan(expected * 0.9);
    expect(r.negativeCache!.dbReads).toBeLessThan(expected * 1.1);
  });

  it('a Bloom filter lets through the share of absent keys the formula gives, and no existing key is refused', () => {
    const r = run('bloom', { share: 0.5, keys: 200_000 }, 2000);
    const n = r.negativeCache!;
    expect(n.bloomRejects + n.bloomFalsePositives).toBe(n.lookups);
    expect(n.expectedFpRate).toBeCloseTo((1 - Math.exp((-4 * 1000) / 8000)) ** 4, 12);
    // Each lookup draws one of 200 000 absent keys; whether a key passes is fixed, so the spread is that
    // of the keys drawn and of the draws.
    const p = n.expectedFpRate;
    const se = Math.sqrt((p * (1 - p)) / n.lookups);
    expect(Math.abs(n.measuredFpRate - p)).toBeLessThan(5 * se);
    expect(n.dbReads).toBeLessThanOrEqual(n.bloomFalsePositives);
    expect(r.staleReads).toBe(0); // an existing key refused would be answered with nothing
  });
});
