import fc from 'fast-check';
import { traceCsvChunks, type TraceRow } from '../../src/trace/csvWriter.ts';
import { TraceReader } from '../../src/trace/read/index.ts';
import { OP_NAMES } from '../../src/trace/types.ts';

const rowArb = fc.record({
  timeMs: fc.integer({ min: 0, max: 2 ** 40 }),
  key: fc.oneof(
    fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/[\r\n]/.test(s)),
    fc.integer({ min: 0, max: 1e9 }),
  ),
  size: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  op: fc.constantFrom(...OP_NAMES),
  ttlS: fc.integer({ min: 0, max: 86_400 }),
});

describe('plain CSV trace writer', () => {
  it('writes what the reader reads back: times, keys (quoted when they must be), sizes, ops, TTLs', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 7 }),
        (rows: TraceRow[], per) => {
          const reader = new TraceReader({ format: 'csv' });
          for (const chunk of traceCsvChunks(rows, { size: true, op: true, ttl: true }, per)) {
            reader.push(new TextEncoder().encode(chunk));
          }
          const t = reader.finish();
          expect(t.length).toBe(rows.length);
          const ids = new Map<string, number>();
          rows.forEach((r, i) => {
            const key = String(r.key);
            if (!ids.has(key)) ids.set(key, ids.size);
            expect([t.timeMs[i], t.key[i], t.size[i], OP_NAMES[t.op[i] as number], t.ttlS?.[i] ?? 0]).toEqual(
              [r.timeMs, ids.get(key), r.size, r.op, r.ttlS],
            );
          });
          expect(t.uniqueKeys).toBe(ids.size);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes only the columns asked for, and refuses what a CSV line cannot hold', () => {
    const text = [
      ...traceCsvChunks(
        [
          { timeMs: 5, key: 'a,b' },
          { timeMs: 6, key: 7 },
        ],
        { size: false, op: false, ttl: false },
      ),
    ].join('');
    expect(text).toBe('time_ms,key\n5,"a,b"\n6,7\n');
    expect(() => [
      ...traceCsvChunks([{ timeMs: 1, key: 'x\ny' }], { size: true, op: true, ttl: true }),
    ]).toThrow('has a line break');
    expect(() => [
      ...traceCsvChunks([{ timeMs: -1, key: 'x' }], { size: true, op: true, ttl: true }),
    ]).toThrow('is not a time in milliseconds');
  });
});
