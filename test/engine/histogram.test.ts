import { describe, it, expect } from 'vitest';
import { createRng, random } from '../../src/engine/core/rng.ts';
import { exponential, logNormal } from '../../src/engine/core/samplers.ts';
import {
  bucketOf,
  createHistogram,
  meanOf,
  mergeHistogram,
  quantile,
  recordValue,
  resetHistogram,
} from '../../src/engine/metrics/histogram.ts';

/** Nearest-rank quantile of sorted values, the definition `quantile` follows. */
const exact = (sorted: Float64Array, q: number): number =>
  sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;

const QS = [0, 0.001, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

describe('latency histogram', () => {
  it.each([
    ['exponential', (r: Uint32Array) => exponential(r, 5)],
    ['log-normal', (r: Uint32Array) => logNormal(r, 0, 2)],
    ['uniform over 12 decades', (r: Uint32Array) => 1e-4 * Math.pow(10, 12 * random(r))],
    ['mixed with zeros', (r: Uint32Array) => (random(r) < 0.3 ? 0 : exponential(r, 0.2))],
  ])('quantiles are within 1 %% of exact sorted quantiles (%s)', (_name, gen) => {
    const r = createRng(31);
    const h = createHistogram();
    const values = new Float64Array(50_000);
    for (let i = 0; i < values.length; i++) {
      values[i] = gen(r);
      recordValue(h, values[i]!);
    }
    values.sort();
    for (const q of QS) {
      const want = exact(values, q);
      const got = quantile(h, q);
      if (want === 0) expect(got).toBe(0);
      else expect(Math.abs(got - want) / want).toBeLessThanOrEqual(0.01);
    }
    expect(h.total).toBe(values.length);
    const mean = values.reduce((s, x) => s + x, 0) / values.length;
    expect(Math.abs(meanOf(h) - mean) / mean).toBeLessThan(1e-9);
    expect(quantile(h, 1)).toBe(values[values.length - 1]);
  });

  it('zeros are exact, and an empty histogram reports 0', () => {
    const h = createHistogram();
    expect(quantile(h, 0.5)).toBe(0);
    expect(meanOf(h)).toBe(0);
    recordValue(h, 0);
    recordValue(h, 0);
    recordValue(h, 3);
    expect(quantile(h, 0.5)).toBe(0);
    expect(quantile(h, 0.66)).toBe(0); // rank ceil(1.98) = 2
    expect(quantile(h, 0.99)).toBe(3);
    recordValue(h, 2);
    expect(quantile(h, 0.75)).toBe(2); // the smallest non-zero value, exactly
    expect(quantile(h, 0.5)).toBe(0);
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(-1)).toBe(0);
  });

  it('every bucket is at most 1 % wide', () => {
    for (let v = 1e-4; v < 1e8; v *= 1.37) {
      const b = bucketOf(v);
      expect(bucketOf(v * 1.0101)).toBeGreaterThan(b);
    }
  });

  it('a single value comes back exactly (clamped to min and max)', () => {
    const h = createHistogram();
    recordValue(h, 12.345);
    for (const q of QS) expect(quantile(h, q)).toBe(12.345);
  });

  it('values outside the range are clamped, NaN is ignored', () => {
    const h = createHistogram();
    recordValue(h, 1e-9);
    recordValue(h, 1e12);
    recordValue(h, NaN);
    expect(h.total).toBe(2);
    expect(quantile(h, 1)).toBe(1e12);
    expect(quantile(h, 0)).toBe(1e-9);
  });

  it('reset forgets everything; merge adds counts', () => {
    const a = createHistogram();
    const b = createHistogram();
    for (let i = 1; i <= 100; i++) recordValue(i <= 50 ? a : b, i);
    const merged = createHistogram();
    mergeHistogram(merged, a);
    mergeHistogram(merged, b);
    expect(merged.total).toBe(100);
    expect(meanOf(merged)).toBe(50.5);
    expect(Math.abs(quantile(merged, 0.9) - 90) / 90).toBeLessThanOrEqual(0.01);
    resetHistogram(merged);
    expect(merged.total).toBe(0);
    expect(quantile(merged, 0.5)).toBe(0);
    expect(merged.counts.every((c) => c === 0)).toBe(true);
  });

  it('merging interval histograms gives the counts of recording everything in one (zeros and extremes too)', () => {
    const r = createRng(8);
    const whole = createHistogram();
    const total = createHistogram();
    const interval = createHistogram();
    for (let k = 0; k < 40; k++) {
      // Intervals over different ranges, some with only zeros, some empty.
      const scale = 10 ** (6 * random(r) - 3);
      const n = k % 7 === 0 ? 0 : 500;
      for (let i = 0; i < n; i++) {
        const v = k % 5 === 0 ? 0 : k === 13 ? 1e12 : exponential(r, scale);
        recordValue(whole, v);
        recordValue(interval, v);
      }
      mergeHistogram(total, interval);
      resetHistogram(interval);
      expect(interval.counts.every((c) => c === 0)).toBe(true);
    }
    expect(total.counts).toEqual(whole.counts);
    expect([total.total, total.min, total.max]).toEqual([whole.total, whole.min, whole.max]);
    for (const q of QS) expect(quantile(total, q)).toBe(quantile(whole, q));
  });

  it('a structured clone is independent', () => {
    const h = createHistogram();
    recordValue(h, 1);
    const copy = structuredClone(h);
    recordValue(h, 100);
    expect(copy.total).toBe(1);
    expect(quantile(copy, 1)).toBe(1);
  });
});
