import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSlotIndex,
  indexClear,
  indexFind,
  indexInsert,
  indexRemove,
} from '../../src/engine/core/slotIndex.ts';

/** Drives the index the way a cache does (keys in slots, a free list) and checks it against a Map. */
function replay(ops: { key: number; remove: boolean }[], keyRange: number | null = null): void {
  const keys = new Float64Array(ops.length + 1);
  const ix = createSlotIndex(4, keyRange);
  const model = new Map<number, number>();
  const free: number[] = [];
  let used = 0;
  for (const { key, remove } of ops) {
    const present = model.get(key);
    if (remove) {
      if (present === undefined) continue;
      indexRemove(ix, keys, key);
      model.delete(key);
      free.push(present);
    } else if (present === undefined) {
      const slot = free.pop() ?? used++;
      keys[slot] = key;
      indexInsert(ix, keys, key, slot, model.size);
      model.set(key, slot);
    }
    for (const [k, slot] of model) expect(indexFind(ix, keys, k)).toBe(slot);
  }
  for (const { key } of ops) if (!model.has(key)) expect(indexFind(ix, keys, key)).toBe(-1);
}

describe('slot index (open addressing, backward-shift deletion)', () => {
  it('agrees with a Map over random inserts and removals, through growth and colliding keys', () => {
    // Keys from a small pool of arbitrary integers, so probe runs collide and removals must shift them.
    const op = fc.record({ pick: fc.nat(39), remove: fc.boolean() });
    const pool = fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 30 }), { minLength: 40, maxLength: 40 });
    fc.assert(
      fc.property(pool, fc.array(op, { maxLength: 300 }), (keys, ops) =>
        replay(ops.map((o) => ({ key: keys[o.pick]!, remove: o.remove }))),
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it('agrees with a Map as a direct table over a known key range', () => {
    const op = fc.record({ key: fc.nat(49), remove: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => replay(ops, 50)),
      { seed: 7, numRuns: 300 },
    );
  });

  it('finds nothing after a clear, hashed or direct', () => {
    for (const range of [null, 10]) {
      const keys = new Float64Array([5, 9]);
      const ix = createSlotIndex(2, range);
      indexInsert(ix, keys, 5, 0, 0);
      indexInsert(ix, keys, 9, 1, 1);
      indexClear(ix);
      expect(indexFind(ix, keys, 5)).toBe(-1);
      expect(indexFind(ix, keys, 9)).toBe(-1);
    }
  });
});
