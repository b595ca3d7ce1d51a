/**
 * Exponential variates by Marsaglia and Tsang's ziggurat ("The Ziggurat Method for Generating Random
 * Variables", J. Stat. Software 5(8), 2000), exact in distribution, with no logarithm on the common path.
 * The area under e^-x is covered by 256 layers of equal area: 255 rectangles and a base strip that also
 * holds the tail. One 32-bit draw picks a layer (its low 8 bits) and a point across it (the other 24
 * bits, so a variate takes one of 2^24 evenly spaced values within its layer); about 98.9 % of points
 * fall where the layer lies wholly under the curve and are returned at once. The rest are the tail
 * (memoryless: its start plus a fresh exponential, one logarithm) or a wedge tested against e^-x.
 * Unlike Marsaglia and Tsang's code, the layer and the point come from disjoint bits, so they are
 * independent. The tables and the rare paths use `detExp`/`detLog`, so every JavaScript engine draws the
 * same variates to the last bit.
 */
import { detExp, detLog } from './detMath.ts';
import { nextUint32, random, type RngState } from './rng.ts';

const LAYERS = 256;
/** Where the base strip's rectangle ends and the tail begins (x_255 in the paper's numbering). */
const TAIL_START = 7.69711747013105;
/** The common area of every layer. */
const LAYER_AREA = 3.949659822581572e-3;
const POINT_STEPS = 2 ** 24;

/** A point j (0 <= j < 2^24) in layer i lies wholly under the curve when j < FAST[i]. */
const FAST = new Uint32Array(LAYERS);
/** x = j * WIDTH[i]: the layer's right edge divided into 2^24 steps. */
const WIDTH = new Float64Array(LAYERS);
/** e^-x at each layer's right edge: the wedge test's bounds. */
const HEIGHT = new Float64Array(LAYERS);

// Layer edges from the top down, as in the paper's zigset: x_{i-1} = -ln(A / x_i + e^-x_i).
{
  let x = TAIL_START;
  let prev = x;
  const baseWidth = LAYER_AREA / detExp(-x); // the base strip as one rectangle of the layer area
  FAST[0] = Math.floor((x / baseWidth) * POINT_STEPS);
  WIDTH[0] = baseWidth / POINT_STEPS;
  WIDTH[LAYERS - 1] = x / POINT_STEPS;
  HEIGHT[0] = 1;
  HEIGHT[LAYERS - 1] = detExp(-x);
  for (let i = LAYERS - 2; i >= 1; i--) {
    x = -detLog(LAYER_AREA / x + detExp(-x));
    FAST[i + 1] = Math.floor((x / prev) * POINT_STEPS);
    prev = x;
    HEIGHT[i] = detExp(-x);
    WIDTH[i] = x / POINT_STEPS;
  }
  FAST[1] = 0; // the top layer is all wedge
}

/** The tables, for tests that check their geometry. */
export const zigguratTables = {
  tailStart: TAIL_START,
  layerArea: LAYER_AREA,
  pointSteps: POINT_STEPS,
  FAST,
  WIDTH,
  HEIGHT,
};

/**
 * An exponential variate with mean 1.
 *
 * @example
 * const gapMs = (1000 / rps) * standardExponential(rng);
 */
export function standardExponential(rng: RngState): number {
  const u = nextUint32(rng);
  const layer = u & (LAYERS - 1);
  const point = u >>> 8;
  if (point < FAST[layer]!) return point * WIDTH[layer]!;
  return edgeCase(rng, layer, point);
}

/** The ~1.1 % of draws that land in the tail or in a wedge; rejected wedge points draw afresh. */
function edgeCase(rng: RngState, layer: number, point: number): number {
  for (;;) {
    if (layer === 0) return TAIL_START - detLog(1 - random(rng));
    const x = point * WIDTH[layer]!;
    const below = HEIGHT[layer]!;
    if (below + random(rng) * (HEIGHT[layer - 1]! - below) < detExp(-x)) return x;
    const u = nextUint32(rng);
    layer = u & (LAYERS - 1);
    point = u >>> 8;
    if (point < FAST[layer]!) return point * WIDTH[layer]!;
  }
}
