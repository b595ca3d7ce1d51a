/**
 * A Bloom filter over integer keys (Bloom, 1970): `m` bits, `k` bit positions per key by double hashing
 * (Kirsch and Mitzenmacher, 2006: position i is h1 + i * h2 mod m). No false negatives; a key never
 * added tests positive with probability about (1 - e^(-kn/m))^k once n keys are in.
 */

import { detExp, detPow } from '../../core/detMath.ts';

export interface Bloom {
  bits: Uint32Array;
  m: number;
  k: number;
  /** Keys added. */
  n: number;
}

/** A 32-bit finaliser (MurmurHash3's fmix32) of `x` mixed with `seed`. */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SEED_1 = 0x9e3779b9;
const SEED_2 = 0x7f4a7c15;

export function createBloom(m: number, k: number): Bloom {
  return { bits: new Uint32Array(Math.ceil(m / 32)), m, k, n: 0 };
}

export function bloomAdd(b: Bloom, key: number): void {
  const h1 = mix(key, SEED_1);
  const h2 = (mix(key, SEED_2) | 1) >>> 0;
  for (let i = 0; i < b.k; i++) {
    const bit = (h1 + i * h2) % b.m;
    b.bits[bit >>> 5]! |= 1 << (bit & 31);
  }
  b.n++;
}

/** False: the key was never added. True: it was, or it is a false positive. */
export function bloomHas(b: Bloom, key: number): boolean {
  const h1 = mix(key, SEED_1);
  const h2 = (mix(key, SEED_2) | 1) >>> 0;
  for (let i = 0; i < b.k; i++) {
    const bit = (h1 + i * h2) % b.m;
    if ((b.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
  }
  return true;
}

/**
 * The false-positive rate of a filter of `m` bits and `k` hashes holding `n` keys: (1 - e^(-kn/m))^k.
 *
 * @example
 * bloomFpRate(100_000, 7, 10_000); // 0.0082
 */
export function bloomFpRate(m: number, k: number, n: number): number {
  return detPow(1 - detExp((-k * n) / m), k);
}

/** A filter of the keys 0 .. n-1 (the keys with a row in the database). */
export function bloomOfKeys(m: number, k: number, n: number): Bloom {
  const b = createBloom(m, k);
  for (let key = 0; key < n; key++) bloomAdd(b, key);
  return b;
}
