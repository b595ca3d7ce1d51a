import fc from 'fast-check';
import { computeCurves } from '../../src/trace/mrc/curves.ts';
import { lruStackCurve } from '../../src/trace/mrc/lruCurve.ts';
import { simulateFifo, simulateLru } from '../../src/trace/mrc/simulate.ts';
import { nextUses, simulateOpt } from '../../src/trace/mrc/opt.ts';
import { curveInput } from '../../src/trace/mrc/types.ts';
import { lastSizes, refFifo, refLru, refOpt } from './helpers/reference.ts';
import { dense, rng, traceOf, zipfKeys } from './helpers/traces.ts';

/** A generated trace: few keys (so reuse is frequent), sizes from 1 to maxSize, and cache sizes. */
const traceArb = (maxSize: number) =>
  fc
    .record({
      raw: fc.array(
        fc.record({ k: fc.integer({ min: 0, max: 40 }), s: fc.integer({ min: 1, max: maxSize }) }),
        {
          minLength: 1,
          maxLength: 300,
        },
      ),
      capacities: fc.array(fc.integer({ min: 1, max: 40 * maxSize }), { minLength: 1, maxLength: 6 }),
    })
    .map(({ raw, capacities }) => ({
      keys: dense(raw.map((r) => r.k)),
      sizes: raw.map((r) => r.s),
      capacities: [...new Set(capacities)].sort((a, b) => a - b),
    }));

describe('miss-ratio curves against straightforward simulators', () => {
  it('the one-pass LRU curve equals one LRU simulation per size (sizes at least the largest object)', () => {
    fc.assert(
      fc.property(traceArb(50), ({ keys, sizes, capacities }) => {
        const trace = traceOf(keys, sizes);
        const input = curveInput(trace);
        const sizeOf = lastSizes(keys, sizes);
        const largest = Math.max(...sizeOf.values());
        const at = capacities.map((c) => c + largest);
        const curve = lruStackCurve(input, at);
        at.forEach((c, j) => {
          const ref = refLru(keys, sizeOf, c);
          expect([curve.misses[j], curve.missBytes[j]]).toEqual([ref.misses, ref.missBytes]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('computeCurves gives exact LRU, FIFO and Belady at every size, also below the largest object', () => {
    fc.assert(
      fc.property(traceArb(60), ({ keys, sizes, capacities }) => {
        const result = computeCurves(traceOf(keys, sizes), { sizes: capacities });
        const sizeOf = lastSizes(keys, sizes);
        capacities.forEach((c, j) => {
          for (const [policy, ref] of [
            ['lru', refLru],
            ['fifo', refFifo],
            ['opt', refOpt],
          ] as const) {
            const point = result.curves[policy][j];
            const expected = ref(keys, sizeOf, c);
            expect({ policy, size: point?.size, misses: point?.misses, missBytes: point?.missBytes }).toEqual(
              {
                policy,
                size: c,
                misses: expected.misses,
                missBytes: expected.missBytes,
              },
            );
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('the typed-array simulators equal the Map-based ones', () => {
    fc.assert(
      fc.property(traceArb(30), ({ keys, sizes, capacities }) => {
        const input = curveInput(traceOf(keys, sizes));
        const sizeOf = lastSizes(keys, sizes);
        const next = nextUses(input.key, input.uniqueKeys);
        for (const c of capacities) {
          expect(simulateLru(input, c)).toEqual(refLru(keys, sizeOf, c));
          expect(simulateFifo(input, c)).toEqual(refFifo(keys, sizeOf, c));
          expect(simulateOpt(input, c, next)).toEqual(refOpt(keys, sizeOf, c));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('with one object size, Belady misses no more than LRU or FIFO at any size (it is the bound)', () => {
    fc.assert(
      fc.property(traceArb(1), ({ keys, sizes, capacities }) => {
        const result = computeCurves(traceOf(keys, sizes), { sizes: capacities });
        expect(result.uniformSizes).toBe(true);
        result.curves.opt.forEach((p, j) => {
          expect(p.misses).toBeLessThanOrEqual(result.curves.lru[j]?.misses ?? -1);
          expect(p.misses).toBeLessThanOrEqual(result.curves.fifo[j]?.misses ?? -1);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('every first request misses: a cache as large as every object together misses only those', () => {
    fc.assert(
      fc.property(traceArb(40), ({ keys, sizes }) => {
        const sizeOf = lastSizes(keys, sizes);
        let total = 0;
        let firstBytes = 0;
        for (const s of sizeOf.values()) total += s;
        const seen = new Set<number>();
        for (const k of keys) {
          if (seen.has(k)) continue;
          seen.add(k);
          firstBytes += sizeOf.get(k) as number;
        }
        const result = computeCurves(traceOf(keys, sizes), { sizes: [total] });
        for (const policy of ['lru', 'fifo', 'opt'] as const) {
          expect(result.curves[policy][0]).toEqual({ size: total, misses: seen.size, missBytes: firstBytes });
        }
      }),
    );
  });

  it('stays exact on a long trace, where the one-pass tree is compacted many times', () => {
    const keys = dense(zipfKeys(30_000, 300, 0.9, 7));
    const random = rng(11);
    const sizes = keys.map(() => 1 + Math.floor(random() * 1000));
    const sizeOf = lastSizes(keys, sizes);
    const capacities = [1000, 5000, 20_000, 60_000, 150_000];
    const result = computeCurves(traceOf(keys, sizes), { sizes: capacities, policies: ['lru'] });
    capacities.forEach((c, j) => {
      const ref = refLru(keys, sizeOf, c);
      expect(result.curves.lru[j]).toEqual({ size: c, misses: ref.misses, missBytes: ref.missBytes });
    });
  });

  it('stays exact over thousands of blocks of positions, at sizes every few objects apart', () => {
    // 20 000 keys fill hundreds of the pass's blocks of positions; 40 sizes a few objects apart put
    // a size inside many blocks' byte ranges, so the pass both skips and sums blocks.
    const keys = dense(zipfKeys(200_000, 20_000, 0.7, 3));
    const random = rng(5);
    const sizeOfKey = Array.from({ length: 20_000 }, () => 1 + Math.floor(random() * 5000));
    const sizes = keys.map((k) => sizeOfKey[k] as number);
    const input = curveInput(traceOf(keys, sizes));
    const at = Array.from({ length: 40 }, (_, j) => 5000 + j * 7919 + j * j * 60_000);
    const curve = lruStackCurve(input, at);
    at.forEach((c, j) => {
      const ref = simulateLru(input, c);
      expect([c, curve.misses[j], curve.missBytes[j]]).toEqual([c, ref.misses, ref.missBytes]);
    });
  });

  it('stays exact at trace lengths around the 32 requests it reads ahead at a time', () => {
    const random = rng(17);
    for (const length of [1, 31, 32, 33, 63, 64, 65, 95, 97]) {
      const keys = dense(zipfKeys(length, 12, 0.8, length));
      const sizes = keys.map(() => 1 + Math.floor(random() * 100));
      const input = curveInput(traceOf(keys, sizes));
      const at = [100, 150, 300, 600, 1200];
      const curve = lruStackCurve(input, at);
      at.forEach((c, j) => {
        const ref = simulateLru(input, c);
        expect([length, c, curve.misses[j], curve.missBytes[j]]).toEqual([
          length,
          c,
          ref.misses,
          ref.missBytes,
        ]);
      });
    }
  });

  it('stays exact with objects over 2 GiB (sizes past a signed 32-bit integer)', () => {
    const keys = dense(zipfKeys(3000, 60, 0.8, 9));
    const random = rng(13);
    const sizeOfKey = Array.from({ length: 60 }, () => 2 ** 31 + Math.floor(random() * 2 ** 31));
    const sizes = keys.map((k) => sizeOfKey[k] as number);
    const input = curveInput(traceOf(keys, sizes));
    const at = [2 ** 32, 2 ** 34, 2 ** 35, 2 ** 36, 2 ** 37];
    const curve = lruStackCurve(input, at);
    at.forEach((c, j) => {
      const ref = simulateLru(input, c);
      expect([curve.misses[j], curve.missBytes[j]]).toEqual([ref.misses, ref.missBytes]);
    });
  });

  it('simulates FIFO and Belady only at the sizes asked for, LRU at every size', () => {
    const keys = dense(zipfKeys(3000, 200, 0.8, 5));
    const sizes = keys.map((k) => 1 + (k % 50));
    const sizeOf = lastSizes(keys, sizes);
    const r = computeCurves(traceOf(keys, sizes), {
      sizes: [500, 1000, 2000, 4000],
      simulatedSizes: [1000, 4000],
    });
    expect(r.curves.lru.map((p) => p.size)).toEqual([500, 1000, 2000, 4000]);
    for (const [policy, ref] of [
      ['fifo', refFifo],
      ['opt', refOpt],
    ] as const) {
      expect(r.curves[policy]).toEqual([1000, 4000].map((c) => ({ size: c, ...ref(keys, sizeOf, c) })));
    }
  });
});
