import { describe, it, expect } from 'vitest';
import { copyRng, createRng, nextUint32, random, randomInt } from '../../src/engine/core/rng.ts';
import { exponential, logNormal, normal, serviceTime, uniform } from '../../src/engine/core/samplers.ts';

const draw = (n: number, f: () => number): number[] => Array.from({ length: n }, f);
const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const minOf = (xs: number[]): number => xs.reduce((m, x) => Math.min(m, x), Infinity);
const maxOf = (xs: number[]): number => xs.reduce((m, x) => Math.max(m, x), -Infinity);
const variance = (xs: number[]): number => {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length;
};

describe('seeded RNG', () => {
  it('is deterministic per seed, and seeds differ', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xa = draw(100, () => nextUint32(a));
    expect(draw(100, () => nextUint32(b))).toEqual(xa);
    expect(draw(100, () => nextUint32(c))).not.toEqual(xa);
    expect(draw(100, () => nextUint32(createRng(0)))).not.toEqual(draw(100, () => nextUint32(createRng(1))));
  });

  it('a copied or structured-cloned state replays the same sequence, independently', () => {
    const r = createRng(7);
    for (let i = 0; i < 37; i++) random(r);
    const copy = copyRng(r);
    const clone = structuredClone(r);
    const expected = draw(50, () => random(r));
    expect(draw(50, () => random(copy))).toEqual(expected);
    expect(draw(50, () => random(clone))).toEqual(expected);
    expect(copy).not.toBe(r);
  });

  it('random() is in [0, 1) and uniform (chi-square over 20 bins)', () => {
    const r = createRng(123);
    const bins = new Array<number>(20).fill(0);
    const n = 200_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = random(r);
      if (!(u >= 0 && u < 1)) outside++;
      else bins[Math.floor(u * 20)]!++;
    }
    expect(outside).toBe(0);
    const e = n / 20;
    const chi2 = bins.reduce((s, o) => s + (o - e) ** 2 / e, 0);
    expect(chi2).toBeLessThan(43.8); // 99.9th percentile of chi-square with 19 degrees of freedom
  });

  it('randomInt(n) covers 0..n-1 evenly', () => {
    const r = createRng(9);
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 70_000; i++) counts[randomInt(r, 7)]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });

  it('has no obvious correlation between consecutive draws', () => {
    const r = createRng(5);
    const xs = draw(100_001, () => random(r));
    let cov = 0;
    for (let i = 0; i < 100_000; i++) cov += (xs[i]! - 0.5) * (xs[i + 1]! - 0.5);
    expect(Math.abs(cov / 100_000 / (1 / 12))).toBeLessThan(0.01);
  });
});

describe('samplers', () => {
  it('exponential has the requested mean and variance mean^2; mean 0 gives 0', () => {
    const r = createRng(1);
    const xs = draw(200_000, () => exponential(r, 5));
    expect(mean(xs)).toBeCloseTo(5, 1);
    expect(variance(xs) / 25).toBeCloseTo(1, 1);
    expect(minOf(xs)).toBeGreaterThanOrEqual(0);
    expect(exponential(r, 0)).toBe(0);
  });

  it('uniform(min, max) has mean (min + max) / 2 and stays in range', () => {
    const r = createRng(2);
    const xs = draw(100_000, () => uniform(r, 2, 6));
    expect(mean(xs)).toBeCloseTo(4, 1);
    expect(minOf(xs)).toBeGreaterThanOrEqual(2);
    expect(maxOf(xs)).toBeLessThan(6);
  });

  it('normal has mean 0 and variance 1; log-normal has mean e^(mu + sigma^2 / 2)', () => {
    const r = createRng(3);
    const xs = draw(200_000, () => normal(r));
    expect(Math.abs(mean(xs))).toBeLessThan(0.01);
    expect(variance(xs)).toBeCloseTo(1, 1);
    const ys = draw(200_000, () => logNormal(r, 1, 0.5));
    expect(mean(ys) / Math.exp(1 + 0.125)).toBeCloseTo(1, 2);
  });

  it('serviceTime is constant or exponential with the given mean', () => {
    const r = createRng(4);
    expect(serviceTime(r, 'constant', 3)).toBe(3);
    expect(mean(draw(100_000, () => serviceTime(r, 'exponential', 3)))).toBeCloseTo(3, 1);
  });
});
