import { describe, it, expect } from 'vitest';
import { createRng } from '../../src/engine/core/rng.ts';
import {
  buildAliasTable,
  buildRankSampler,
  sampleAlias,
  sampleRank,
  zipfProbabilities,
  type AliasTable,
} from '../../src/engine/core/zipf.ts';

/** P(i) an alias table implies: (prob[i] + sum over j aliasing to i of (1 - prob[j])) / n. */
function impliedBy({ prob, alias }: AliasTable): Float64Array {
  const n = prob.length;
  const implied = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    implied[j]! += prob[j]! / n;
    implied[alias[j]!]! += (1 - prob[j]!) / n;
  }
  return implied;
}

/** The chi-square quantile (Wilson-Hilferty), accurate to a few tenths of a percent for df >= 30. */
function chiSquareQuantile(df: number, z: number): number {
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
}

describe('zipfProbabilities', () => {
  it('sums to 1, decreases with rank and follows 1/(i+1)^s', () => {
    const p = zipfProbabilities(1000, 0.99);
    expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    for (let i = 1; i < 1000; i++) expect(p[i]!).toBeLessThan(p[i - 1]!);
    expect(p[0]! / p[9]!).toBeCloseTo(Math.pow(10, 0.99), 10);
  });

  it('s = 0 is uniform', () => {
    for (const x of zipfProbabilities(10, 0)) expect(x).toBeCloseTo(0.1, 15);
  });
});

describe('alias table', () => {
  it('reproduces Zipf frequencies (chi-square, N = 200, s = 0.8)', () => {
    const n = 200;
    const p = zipfProbabilities(n, 0.8);
    const table = buildAliasTable(p);
    const rng = createRng(2024);
    const draws = 1_000_000;
    const counts = new Float64Array(n);
    for (let i = 0; i < draws; i++) counts[sampleAlias(table, rng)]!++;
    let chi2 = 0;
    for (let i = 0; i < n; i++) chi2 += (counts[i]! - draws * p[i]!) ** 2 / (draws * p[i]!);
    // 199 degrees of freedom: mean 199, sd ~20; 280 is far in the tail.
    expect(chi2).toBeLessThan(280);
    expect(counts[0]! / draws).toBeCloseTo(p[0]!, 3);
  });

  it('keeps a non-Zipf distribution exact, including zero-probability outcomes', () => {
    const p = new Float64Array([0.5, 0, 0.25, 0.125, 0.125]);
    const table = buildAliasTable(p);
    const rng = createRng(77);
    const counts = new Float64Array(5);
    for (let i = 0; i < 400_000; i++) counts[sampleAlias(table, rng)]!++;
    expect(counts[1]).toBe(0);
    for (let i = 0; i < 5; i++) expect(Math.abs(counts[i]! / 400_000 - p[i]!)).toBeLessThan(0.003);
  });

  it('the implied distribution of the table equals the input exactly', () => {
    // P(i) = (prob[i] + sum over j aliasing to i of (1 - prob[j])) / n
    const p = zipfProbabilities(500, 1.1);
    const implied = impliedBy(buildAliasTable(p));
    for (let i = 0; i < 500; i++) expect(implied[i]!).toBeCloseTo(p[i]!, 12);
  });

  it('is deterministic for a seed', () => {
    const table = buildAliasTable(zipfProbabilities(1000, 0.99));
    const a = createRng(5);
    const b = createRng(5);
    for (let i = 0; i < 1000; i++) expect(sampleAlias(table, a)).toBe(sampleAlias(table, b));
  });
});

describe('rank sampler (a cache-sized head table and a tail table)', () => {
  it('implies the input distribution exactly, to the 2^-32 resolution of the head/tail cut', () => {
    const p = zipfProbabilities(10_000, 0.99);
    const sampler = buildRankSampler(p, 256);
    const cut = sampler.headCut / 2 ** 32;
    const head = impliedBy(sampler.head);
    const tail = impliedBy(sampler.tail!);
    for (let i = 0; i < 10_000; i++) {
      const implied = i < 256 ? cut * head[i]! : (1 - cut) * tail[i - 256]!;
      expect(Math.abs(implied - p[i]!)).toBeLessThan(1e-9 * p[i]! + 1e-15);
    }
  });

  it('reproduces Zipf frequencies over both tables (chi-square, N = 5000, s = 0.99)', () => {
    const n = 5000;
    const p = zipfProbabilities(n, 0.99);
    const sampler = buildRankSampler(p, 64);
    const rng = createRng(2025);
    const draws = 2_000_000;
    const counts = new Float64Array(n);
    for (let i = 0; i < draws; i++) counts[sampleRank(sampler, rng)]!++;
    // Ranks grouped into bins of at least 200 expected draws, so the chi-square approximation holds.
    let chi2 = 0;
    let bins = 0;
    let observed = 0;
    let expected = 0;
    for (let i = 0; i < n; i++) {
      observed += counts[i]!;
      expected += draws * p[i]!;
      if (expected >= 200 || i === n - 1) {
        chi2 += (observed - expected) ** 2 / expected;
        bins++;
        observed = expected = 0;
      }
    }
    // The 0.999 quantile: a correct sampler fails this one seed in a thousand.
    expect(chi2).toBeLessThan(chiSquareQuantile(bins - 1, 3.09));
    expect(bins).toBeGreaterThan(1000);
    // The head/tail split on its own, far more sensitive than the chi-square: within 4 binomial sds.
    const headMass = p.subarray(0, 64).reduce((a, x) => a + x, 0);
    const headShare = counts.subarray(0, 64).reduce((a, x) => a + x, 0) / draws;
    expect(Math.abs(headShare - headMass)).toBeLessThan(4 * Math.sqrt((headMass * (1 - headMass)) / draws));
  });

  it('draws exactly as one alias table when everything fits in the head', () => {
    const p = zipfProbabilities(1000, 0.8);
    const sampler = buildRankSampler(p);
    expect(sampler.tail).toBeNull();
    const table = buildAliasTable(p);
    const a = createRng(9);
    const b = createRng(9);
    for (let i = 0; i < 1000; i++) expect(sampleRank(sampler, a)).toBe(sampleAlias(table, b));
  });

  it('keeps zero-probability ranks out, in the head and in the tail', () => {
    const p = new Float64Array([0.4, 0, 0.2, 0.1, 0, 0.3]);
    const sampler = buildRankSampler(p, 3);
    const rng = createRng(3);
    const counts = new Float64Array(6);
    for (let i = 0; i < 300_000; i++) counts[sampleRank(sampler, rng)]!++;
    expect([counts[1], counts[4]]).toEqual([0, 0]);
    for (let i = 0; i < 6; i++) expect(Math.abs(counts[i]! / 300_000 - p[i]!)).toBeLessThan(0.003);
  });
});
