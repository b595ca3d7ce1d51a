import fc from 'fast-check';
import { BinTable } from '../../src/trace/mrc/bins.ts';

/** The first bound at least the distance, by a plain scan. */
const scan = (bounds: Float64Array, d: number) => {
  let j = 0;
  while (j < bounds.length && (bounds[j] as number) < d) j++;
  return j;
};

describe('the first size at least a distance', () => {
  it('equals a plain scan, also at and beside each bound', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 2 ** 45 }), { minLength: 0, maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 2 ** 46 }), { maxLength: 30 }),
        (raw, distances) => {
          const bounds = Float64Array.from(raw.sort((a, b) => a - b));
          const bins = new BinTable(bounds);
          const probes = [...distances, ...raw.flatMap((b) => [b - 1, b, b + 1]), 0, 2 ** 53];
          for (const d of probes) expect([d, bins.first(d)]).toEqual([d, scan(bounds, d)]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
