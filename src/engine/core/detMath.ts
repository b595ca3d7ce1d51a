/**
 * The logarithm, the exponential and the power the engine uses, in plain IEEE arithmetic (+, -, *, /,
 * which every JavaScript engine rounds the same way) instead of `Math.log`, `Math.exp` and `Math.pow`,
 * whose last bits ECMAScript leaves to the implementation: Node 20's V8 and Debian Chromium's V8 disagree
 * on 3-10 % of arguments (measured: exp 10 %, pow 10 %, log 7 %, cos 3 %), which moved the Summary's
 * means in their last digits between `npm run sim` and the app's Export. With these, both give the same
 * bytes.
 *
 * Accuracy: `detLog` and `detExp` within about 1 ulp of the true value (equal to Node's Math on 98 % of
 * arguments), `detPow` within an ulp for the arguments the engine gives it (a positive base, a moderate
 * exponent; 95 % equal). Cost: a few dozen flops;
 * they sit off the hot path (the ziggurat's tail and wedges, XFetch's draw, the Zipf table's set-up).
 */

/** ln 2 as LN2_HI + LN2_LO, LN2_HI with 32 significant bits so that k * LN2_HI is exact for |k| < 2^21. */
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const LOG2E = 1.4426950408889634;
const SQRT_HALF = Math.SQRT1_2;
/** 2^54, to lift a subnormal into the normal range before reading its exponent. */
const TWO54 = 18014398509481984;

// One 8-byte word seen as a float and as two 32-bit halves, to read and set a double's exponent.
const word = new Float64Array(1);
const halves = new Uint32Array(word.buffer);
/** Index of the half holding the sign and exponent (1 on little-endian machines). */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** 2^k for an integer k in [-1022, 1023], exactly. */
function twoTo(k: number): number {
  halves[1 - HI] = 0;
  halves[HI] = (k + 1023) << 20;
  return word[0]!;
}

/**
 * ln(1 + f) - f + f^2/2 for |f| <= 0.4143 (m in [sqrt(1/2), sqrt(2))), by the series of
 * 2 atanh(s), s = f / (2 + f): ln(1 + f) = 2s + 2s^3/3 + 2s^5/5 + ..., written as
 * f - (f^2/2 - s (f^2/2 + R)) with R = 2s^2/3 + 2s^4/5 + ... so that the large terms add last.
 */
function log1pTail(f: number): number {
  const s = f / (2 + f);
  const r = series(s * s);
  const hfsq = 0.5 * f * f;
  return s * (hfsq + r) - hfsq;
}

/** The exponent k of the last `mantissa` call. */
let splitK = 0;

/** For x > 0 (finite): m in [sqrt(1/2), sqrt(2)) with x = 2^k m, k left in `splitK`. */
function mantissa(x: number): number {
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    x *= TWO54;
    k = -54;
  }
  word[0] = x;
  const hi = halves[HI]!;
  k += (hi >>> 20) - 1023;
  halves[HI] = (hi & 0x000fffff) | 0x3ff00000; // m in [1, 2)
  let m = word[0]!;
  if (m >= 2 * SQRT_HALF) {
    m *= 0.5;
    k += 1;
  }
  splitK = k;
  return m;
}

/**
 * The natural logarithm: NaN below 0, -Infinity at 0, Infinity at Infinity.
 *
 * @example
 * const gap = -mean * detLog(1 - random(rng)); // an exponential draw
 */
export function detLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  const m = mantissa(x);
  const k = splitK;
  const f = m - 1;
  // k ln2 + f + tail, the small parts first: k*LN2_HI is exact, and f is exact (Sterbenz).
  return k * LN2_HI + (f + (log1pTail(f) + k * LN2_LO));
}

/**
 * e^x: 0 below -745.2, Infinity above 709.79.
 *
 * @example
 * const height = detExp(-x); // the ziggurat's curve
 */
export function detExp(x: number): number {
  return expOf(x, 0);
}

/** e^(x + xLo) for |xLo| below an ulp of x. */
function expOf(x: number, xLo: number): number {
  if (x !== x) return x;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  // x = k ln2 + r, |r| <= ln2/2, r as hi + lo (k*LN2_HI exact, the subtraction nearly so).
  const k = Math.round(x * LOG2E);
  const hi = x - k * LN2_HI;
  const lo = xLo - k * LN2_LO;
  const r = hi + lo;
  const rlo = hi - r + lo;
  // e^r - 1 - r = r^2/2! + r^3/3! + ...; |r| <= 0.347, so terms to r^17/17! leave < 1e-20.
  let p = 1 / 355687428096000;
  p = 1 / 20922789888000 + r * p;
  p = 1 / 1307674368000 + r * p;
  p = 1 / 87178291200 + r * p;
  p = 1 / 6227020800 + r * p;
  p = 1 / 479001600 + r * p;
  p = 1 / 39916800 + r * p;
  p = 1 / 3628800 + r * p;
  p = 1 / 362880 + r * p;
  p = 1 / 40320 + r * p;
  p = 1 / 5040 + r * p;
  p = 1 / 720 + r * p;
  p = 1 / 120 + r * p;
  p = 1 / 24 + r * p;
  p = 1 / 6 + r * p;
  p = 0.5 + r * p;
  // e^(r + rlo) = e^r (1 + rlo) to well below an ulp.
  const y = 1 + (r + (r * r * p + rlo * (1 + r)));
  if (k >= -1022) return k > 1023 ? y * 2 * twoTo(k - 1) : y * twoTo(k);
  return y * twoTo(k + 1000) * twoTo(-1000); // a subnormal result
}

/**
 * x^y for x > 0 as e^(y ln x), with ln x carried as two doubles (about 2^-100 relative) so that y ln x
 * keeps its precision; exact for y = 0 and y = 1. Other x give NaN, like Math.pow of a negative base
 * and a fractional y.
 *
 * @example
 * const weight = 1 / detPow(rank + 1, s); // Zipf
 */
export function detPow(x: number, y: number): number {
  if (y === 0) return 1;
  if (y === 1) return x;
  if (x === 1) return 1;
  if (!(x > 0) || x === Infinity || y !== y) return x === 0 ? (y > 0 ? 0 : Infinity) : NaN;
  const m = mantissa(x);
  const k = splitK;
  // ln m = 2 atanh(s) = 2s + s R(s^2), s = f / (2 + f) as sHi + sLo.
  const f = m - 1;
  const u = 2 + f;
  const uLo = 2 - u + f; // exact: 2 + f = u + uLo
  const sHi = f / u;
  // f - sHi (u + uLo), with sHi * u exact as its rounded value plus its error.
  const prod = sHi * u;
  const sLo = (f - prod - twoProductError(sHi, u, prod) - sHi * uLo) / u;
  const tail = sHi * series(sHi * sHi);
  // ln x = k ln2 + 2 sHi + (2 sLo + tail), summed as hi + lo.
  const a = k * LN2_HI; // exact
  const b = 2 * sHi;
  const hi0 = a + b;
  const bPart = hi0 - a;
  const lo0 = a - (hi0 - bPart) + (b - bPart); // exact (Knuth's TwoSum)
  const rest = lo0 + (k * LN2_LO + (2 * sLo + tail));
  const ln = hi0 + rest;
  const lnLo = hi0 - ln + rest;
  // y (ln + lnLo) as a product p + pLo by Dekker's splitting (no fused multiply-add in JavaScript).
  const p = y * ln;
  const pLo = twoProductError(y, ln, p) + y * lnLo;
  return expOf(p, pLo);
}

/** R(z) = sum_{j>=1} 2 z^j / (2j + 1), for z <= 0.0295: 12 terms leave < 1e-19. */
function series(z: number): number {
  let r = 2 / 25;
  r = 2 / 23 + z * r;
  r = 2 / 21 + z * r;
  r = 2 / 19 + z * r;
  r = 2 / 17 + z * r;
  r = 2 / 15 + z * r;
  r = 2 / 13 + z * r;
  r = 2 / 11 + z * r;
  r = 2 / 9 + z * r;
  r = 2 / 7 + z * r;
  r = 2 / 5 + z * r;
  r = 2 / 3 + z * r;
  return r * z;
}

/** a*b - p exactly, for p the rounded product a*b (Dekker). */
function twoProductError(a: number, b: number, p: number): number {
  const ah = high26(a);
  const al = a - ah;
  const bh = high26(b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** The top 26 significant bits of a (Veltkamp's split; a - high26(a) holds the rest exactly). */
function high26(a: number): number {
  const c = 134217729 * a; // 2^27 + 1
  return c - (c - a);
}
