/**
 * The first of some ascending sizes that is at least a given distance, in a step or two: a table
 * indexed by the distance's top 14 bits as a double (sign, exponent and two mantissa bits) gives
 * the first size at least the smallest double with those bits, and a short walk goes on from there
 * (a quarter of an octave holds one or two sizes of a default curve). Returns `bounds.length` when
 * the distance is above every size. A binary search would cost a mispredicted branch a step.
 */
export function binFinder(bounds: Float64Array): (distance: number) => number {
  const k = bounds.length;
  const double = new Float64Array(1);
  const words = new Uint32Array(double.buffer);
  const high = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: word 1
  const table = new Int32Array(1 << 14);
  for (let index = 0, j = 0; index < table.length; index++) {
    words[high] = index << 18;
    words[1 - high] = 0;
    // Past the positive doubles (the sign bit set), every index lies above every size.
    const least = index < 1 << 13 ? (double[0] as number) : Infinity;
    while (j < k && (bounds[j] as number) < least) j++;
    table[index] = j;
  }
  return (distance: number): number => {
    double[0] = distance;
    let j = table[(words[high] as number) >>> 18] as number;
    while (j < k && (bounds[j] as number) < distance) j++;
    return j;
  };
}
