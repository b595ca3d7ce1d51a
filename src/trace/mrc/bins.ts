/** Leading bits of a double that index the table: sign, 11 of exponent and 5 of mantissa. */
const BITS = 17;
const SHIFT = 32 - BITS;
/** Which 32-bit word of a double holds its sign and exponent: word 1 on a little-endian machine. */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * Finds the first of some ascending sizes that is at least a given distance, nearly always in one
 * step: a table indexed by the distance's top 17 bits as a double (sign, exponent and five mantissa
 * bits) gives the first size at least the smallest double with those bits, and a walk goes on from
 * there. A cell is a 32nd of an octave (about 2 %), so it seldom holds a size when sizes are spaced
 * as a curve's are (a default curve's 32 sizes are a third of an octave apart) and the walk seldom
 * steps: its one branch is then well predicted. A binary search would cost a mispredicted branch a
 * step. A class, not a closure per table: an optimized caller that inlined one closure would be
 * dropped when it meets the next (a new call target).
 */
export class BinTable {
  private readonly table = new Int32Array(1 << BITS);
  /** The sizes with Infinity after them, so the walk needs no check of its end. */
  private readonly walk: Float64Array;
  private readonly double = new Float64Array(1);
  private readonly words = new Uint32Array(this.double.buffer);

  constructor(bounds: Float64Array) {
    const k = bounds.length;
    this.walk = new Float64Array(k + 1);
    this.walk.set(bounds);
    this.walk[k] = Infinity;
    // Positive doubles order as their bits do, so an index's first size at least its smallest double
    // is the number of sizes whose own index is lower: a run of indices per size, filled at once.
    let from = 0;
    for (let j = 0; j < k; j++) {
      const to = this.index(bounds[j] as number) + 1;
      this.table.fill(j, from, to);
      from = to;
    }
    // Past the last size, and past the positive doubles (the sign bit set): above every size.
    this.table.fill(k, from);
  }

  private index(distance: number): number {
    this.double[0] = distance;
    return (this.words[HIGH] as number) >>> SHIFT;
  }

  /** The index of the first size at least `distance`, or the number of sizes when it is above every size. */
  first(distance: number): number {
    let j = this.table[this.index(distance)] as number;
    while ((this.walk[j] as number) < distance) j++;
    return j;
  }
}
