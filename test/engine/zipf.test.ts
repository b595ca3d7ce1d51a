import { describe, it, expect } from 'vitest';
import { createRng } from '../../src/engine/core/rng.ts';
import { buildAliasTable, sampleAlias, zipfProbabilities } from '../../src/engine/core/zipf.ts';

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
    const { prob, alias } = buildAliasTable(p);
    const implied = new Float64Array(500);
    for (let j = 0; j < 500; j++) {
      implied[j]! += prob[j]! / 500;
      implied[alias[j]!]! += (1 - prob[j]!) / 500;
    }
    for (let i = 0; i < 500; i++) expect(implied[i]!).toBeCloseTo(p[i]!, 12);
  });

  it('is deterministic for a seed', () => {
    const table = buildAliasTable(zipfProbabilities(1000, 0.99));
    const a = createRng(5);
    const b = createRng(5);
    for (let i = 0; i < 1000; i++) expect(sampleAlias(table, a)).toBe(sampleAlias(table, b));
  });
});
