import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detExp, detLog, detPow } from '../../src/engine/core/detMath.ts';
import { createRng, random } from '../../src/engine/core/rng.ts';

// The engine's own logarithm, exponential and power (see detMath.ts): as accurate as the platform's
// Math functions, exact where the answer is a double, and the only ones the engine calls, so the same
// run gives the same bits on Node and in Chromium (test/e2e/checks/07-export-bytes.mjs compares them).

const word = new Float64Array(1);
const bits = new BigInt64Array(word.buffer);
const order = (x: number): bigint => {
  word[0] = x;
  return bits[0]!;
};
/** Doubles between a and b (both positive, or both negative). */
const ulps = (a: number, b: number): number => Math.abs(Number(order(a) - order(b)));

/** The largest gap in ulps between f and the platform's g over n arguments drawn by `arg`. */
function worstGap(f: (x: number) => number, g: (x: number) => number, arg: (u: number) => number): number {
  const rng = createRng(17);
  let worst = 0;
  for (let i = 0; i < 50_000; i++) {
    const x = arg(random(rng));
    worst = Math.max(worst, ulps(f(x), g(x)));
  }
  return worst;
}

describe('deterministic math', () => {
  // Math's functions are within an ulp of the true value on V8; ours too, so the two are within two.
  it.each([
    ['log on (0, 1]', detLog, Math.log, (u: number) => 1 - u],
    ['log over the whole range', detLog, Math.log, (u: number) => 2 ** (2000 * u - 1000) * (1 + u)],
    ['log of subnormals', detLog, Math.log, (u: number) => 1e-310 * (0.001 + u)],
    ['exp on [-8, 0]', detExp, Math.exp, (u: number) => -8 * u],
    ['exp over the whole range', detExp, Math.exp, (u: number) => 1400 * u - 700],
  ])('%s stays within 2 ulps of Math', (_name, f, g, arg) => {
    expect(worstGap(f, g, arg)).toBeLessThanOrEqual(2);
  });

  it('pow stays within 2 ulps of Math.pow for the Zipf weights', () => {
    const gap = worstGap(
      (x) => detPow(Math.floor(x * 1e7) + 1, 0.2 + 1.6 * ((x * 1e7) % 1)),
      (x) => Math.pow(Math.floor(x * 1e7) + 1, 0.2 + 1.6 * ((x * 1e7) % 1)),
      (u) => u,
    );
    expect(gap).toBeLessThanOrEqual(2);
  });

  it('is exact where the answer is a double, and keeps the edge values', () => {
    for (let k = -60; k <= 60; k++) expect(detPow(2, k)).toBe(2 ** k);
    for (let b = 2; b < 50; b++)
      for (let e = 2; e < 8 && b ** e < 2 ** 53; e++) expect(detPow(b, e)).toBe(b ** e);
    expect(detPow(9, 0.5)).toBe(3);
    expect(detPow(123.4, 0)).toBe(1);
    expect(detPow(123.4, 1)).toBe(123.4);
    expect(detLog(1)).toBe(0);
    expect(detLog(2)).toBe(Math.LN2);
    expect(detLog(10)).toBe(Math.LN10);
    expect(detExp(0)).toBe(1);
    expect(detExp(1)).toBe(Math.E);
    expect(detLog(0)).toBe(-Infinity);
    expect(detLog(-1)).toBeNaN();
    expect(detLog(Infinity)).toBe(Infinity);
    expect(detExp(-Infinity)).toBe(0);
    expect(detExp(Infinity)).toBe(Infinity);
    expect(detExp(NaN)).toBeNaN();
    expect(detExp(-745)).toBe(Number.MIN_VALUE);
    expect(detExp(710)).toBe(Infinity);
    expect(detLog(Number.MIN_VALUE)).toBe(Math.log(Number.MIN_VALUE));
  });

  it("is what the engine uses: no Math.exp, Math.log, Math.pow or trigonometry in the engine's results", () => {
    // cost.ts is the estimate before a run, not a result; log2 of a power of two is exact everywhere.
    const banned =
      /Math\.(exp|expm1|log|log1p|log10|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|cbrt|hypot)\(/;
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts') && !name.startsWith('cost')) files.push(path);
      }
    };
    walk(join(__dirname, '../../src/engine'));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((f) =>
      banned.test(readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*/g, '')),
    );
    expect(offenders).toEqual([]);
  });
});
