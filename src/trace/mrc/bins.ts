/** Leading bits of a double that index the table: sign, 11 of exponent and 5 of mantissa. */
const BITS = 17;

/**
 * The first of some ascending sizes that is at least a given distance, nearly always in one step: a
 * table indexed by the distance's top 17 bits as a double (sign, exponent and five mantissa bits)
 * gives the first size at least the smallest double with those bits, and a walk goes on from there.
 * A cell is a 32nd of an octave (about 2 %), so it seldom holds a size when sizes are spaced as a
 * curve's are (a default curve's 32 sizes are a third of an octave apart) and the walk seldom
 * steps: its one branch is then well predicted. A binary search would cost a mispredicted branch a
 * step. Returns `bounds.length` when the distance is above every size.
 */
export function binFinder(bounds: Float64Array): (distance: number) => number {
  const k = bounds.length;
  // The bounds with Infinity after them, so the walk needs no check of its end.
  const walk = new Float64Array(k + 1);
  walk.set(bounds);
  walk[k] = Infinity;
  const double = new Float64Array(1);
  const words = new Uint32Array(double.buffer);
  const high = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: word 1
  const shift = 32 - BITS;
  const table = new Int32Array(1 << BITS);
  for (let index = 0, j = 0; index < table.length; index++) {
    words[high] = index << shift;
    words[1 - high] = 0;
    // Past the positive doubles (the sign bit set), every index lies above every size.
    const least = index < 1 << (BITS - 1) ? (double[0] as number) : Infinity;
    while (j < k && (bounds[j] as number) < least) j++;
    table[index] = j;
  }
  return (distance: number): number => {
    double[0] = distance;
    let j = table[(words[high] as number) >>> shift] as number;
    while ((walk[j] as number) < distance) j++;
    return j;
  };
}
