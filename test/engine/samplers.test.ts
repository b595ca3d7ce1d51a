import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/core/rng.ts';
import { exponential } from '../../src/engine/core/samplers.ts';
import { standardExponential, zigguratTables } from '../../src/engine/core/ziggurat.ts';

/** The ziggurat's tail starts here (e^-7.697 ~ 4.5e-4 of the mass lies beyond). */
const TAIL_START = zigguratTables.tailStart;

function draws(seed: number, n: number): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = standardExponential(rng);
  return out;
}

/** The chi-square quantile (Wilson-Hilferty), accurate to a few tenths of a percent for df >= 30. */
const chiSquareQuantile = (df: number, z: number): number => {
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
};

describe('ziggurat tables', () => {
  const { tailStart, layerArea, pointSteps, FAST, WIDTH, HEIGHT } = zigguratTables;
  const edge = (i: number): number => WIDTH[i]! * pointSteps; // x_i, the right edge of layer i

  it('cut the area under e^-x into 256 layers of equal area, the base holding the tail', () => {
    expect(edge(255)).toBeCloseTo(tailStart, 12);
    // The base: the rectangle up to the tail's start, plus the tail itself.
    expect(tailStart * Math.exp(-tailStart) + Math.exp(-tailStart)).toBeCloseTo(layerArea, 12);
    for (let i = 1; i < 256; i++) {
      expect(HEIGHT[i]).toBeCloseTo(Math.exp(-edge(i)), 15);
      const above = i === 1 ? 1 : HEIGHT[i - 1]!;
      expect(Math.abs((edge(i) * (above - HEIGHT[i]!)) / layerArea - 1)).toBeLessThan(1e-9);
    }
    expect(1 - HEIGHT[1]!).toBeCloseTo(layerArea / edge(1), 9); // the top layer closes the stack
  });

  it('accept at once exactly the points under the layer above (the part wholly under the curve)', () => {
    expect(FAST[1]).toBe(0);
    for (let i = 2; i < 256; i++) expect(FAST[i]).toBe(Math.floor((edge(i - 1) / edge(i)) * pointSteps));
    const baseWidth = WIDTH[0]! * pointSteps;
    expect(baseWidth).toBeCloseTo(layerArea / Math.exp(-tailStart), 12);
    expect(FAST[0]).toBe(Math.floor((tailStart / baseWidth) * pointSteps));
  });
});

describe('exponential variates (ziggurat)', () => {
  const n = 2_000_000;
  const xs = draws(11, n);
  const cdf = (x: number): number => 1 - Math.exp(-x);

  it('follow the exponential CDF (Kolmogorov-Smirnov, 2 * 10^6 draws)', () => {
    const sorted = Float64Array.from(xs).sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = cdf(sorted[i]!);
      d = Math.max(d, (i + 1) / n - f, f - i / n);
    }
    // The 0.001 critical value of the KS statistic is 1.95 / sqrt(n).
    expect(d).toBeLessThan(1.95 / Math.sqrt(n));
  });

  it('fill 1000 equally likely bins evenly, wedges and tail included (chi-square)', () => {
    const bins = 1000;
    const counts = new Float64Array(bins);
    for (const x of xs) counts[Math.min(bins - 1, Math.floor(cdf(x) * bins))]!++;
    const expected = n / bins;
    let chi2 = 0;
    for (const c of counts) chi2 += (c - expected) ** 2 / expected;
    expect(chi2).toBeLessThan(chiSquareQuantile(bins - 1, 3.09));
  });

  it('have mean 1 and variance 1, and a tail beyond 7.7 of the right mass and shape', () => {
    let sum = 0;
    let sumSq = 0;
    let tail = 0;
    let tailExcess = 0;
    for (const x of xs) {
      sum += x;
      sumSq += x * x;
      if (x >= TAIL_START) {
        tail++;
        tailExcess += x - TAIL_START;
      }
    }
    const mean = sum / n;
    expect(Math.abs(mean - 1)).toBeLessThan(4 / Math.sqrt(n)); // sd of the mean: 1 / sqrt(n)
    expect(Math.abs(sumSq / n - mean * mean - 1)).toBeLessThan(4 * Math.sqrt(8 / n)); // var of x^2: 20 - 4
    const pTail = Math.exp(-TAIL_START);
    expect(Math.abs(tail - n * pTail)).toBeLessThan(4 * Math.sqrt(n * pTail));
    // Memoryless: beyond the tail's start the excess is exponential with mean 1 again.
    expect(Math.abs(tailExcess / tail - 1)).toBeLessThan(4 / Math.sqrt(tail));
  });

  it('scale by the mean, draw nothing for a zero mean, and repeat for a seed', () => {
    const a = createRng(5);
    const b = createRng(5);
    expect(exponential(a, 0)).toBe(0);
    for (let i = 0; i < 100; i++) expect(exponential(a, 20)).toBe(20 * standardExponential(b));
    expect(draws(3, 50)).toEqual(draws(3, 50));
  });
});
