/**
 * A seeded PRNG (sfc32) whose whole state is a Uint32Array of four words, so a simulation snapshot
 * copies it like any other array and a restored run draws exactly the same numbers.
 *
 * @example
 * const rng = createRng(42);
 * const u = random(rng); // in [0, 1)
 */
export type RngState = Uint32Array;

export function createRng(seed: number): RngState {
  const s = new Uint32Array(4);
  // splitmix32 spreads a small integer seed over all four words.
  let x = seed >>> 0;
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    s[i] = (z ^ (z >>> 16)) >>> 0;
  }
  // sfc32 is weak for its first outputs: discard a few.
  for (let i = 0; i < 12; i++) nextUint32(s);
  return s;
}

/** The next 32 random bits. */
export function nextUint32(s: RngState): number {
  const a = s[0]!;
  const b = s[1]!;
  const c = s[2]!;
  const d = s[3]!;
  const t = (((a + b) | 0) + d) | 0;
  s[3] = (d + 1) | 0;
  s[0] = b ^ (b >>> 9);
  s[1] = (c + (c << 3)) | 0;
  const r = (c << 21) | (c >>> 11);
  s[2] = (r + t) | 0;
  return t >>> 0;
}

/** A float in [0, 1) with 32 bits of randomness. */
export function random(s: RngState): number {
  return nextUint32(s) / 4294967296;
}

/** An integer in [0, n). */
export function randomInt(s: RngState, n: number): number {
  return Math.floor(random(s) * n);
}

export function copyRng(s: RngState): RngState {
  return new Uint32Array(s);
}
