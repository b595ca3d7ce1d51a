import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  createL1,
  l1Clear,
  l1Delete,
  l1Entries,
  l1Get,
  l1Peek,
  l1Set,
  l1Size,
} from '../../src/engine/core/l1Cache.ts';

describe('L1 cache: TTL', () => {
  it('serves an entry while now < expiresAt and drops it at the boundary (lazy expiry)', () => {
    const c = createL1(10);
    l1Set(c, 1, 7, 1000);
    expect(l1Get(c, 1, 999.999)).toBe(7);
    expect(l1Size(c)).toBe(1);
    expect(l1Get(c, 1, 1000)).toBe(-1);
    expect(l1Size(c)).toBe(0); // removed on access
    expect(l1Get(c, 1, 1000)).toBe(-1);
  });

  it('Infinity never expires; an overwrite replaces version and expiry', () => {
    const c = createL1(null);
    l1Set(c, 5, 1, Infinity);
    expect(l1Get(c, 5, 1e15)).toBe(1);
    l1Set(c, 5, 2, 10);
    expect(l1Peek(c, 5, 0)).toEqual({ version: 2, expiresAt: 10 });
    expect(l1Get(c, 5, 10)).toBe(-1);
  });

  it('peek has no side effects: no removal of expired entries, no recency change', () => {
    const c = createL1(2);
    l1Set(c, 1, 1, 5);
    l1Set(c, 2, 2, Infinity);
    expect(l1Peek(c, 1, 6)).toBeNull();
    expect(l1Size(c)).toBe(2);
    expect(l1Peek(c, 1, 0)).toEqual({ version: 1, expiresAt: 5 });
    l1Set(c, 3, 3, Infinity); // 1 is still LRU despite the peek
    expect(l1Peek(c, 1, 0)).toBeNull();
    expect(c.evictions).toBe(1);
  });
});

describe('L1 cache: exact LRU', () => {
  it('evicts the least recently used key, a hit refreshing recency', () => {
    const c = createL1(3);
    l1Set(c, 1, 1, Infinity);
    l1Set(c, 2, 2, Infinity);
    l1Set(c, 3, 3, Infinity);
    expect(l1Get(c, 1, 0)).toBe(1); // order now 1, 3, 2
    l1Set(c, 4, 4, Infinity); // evicts 2
    expect(l1Get(c, 2, 0)).toBe(-1);
    expect(l1Entries(c, 0, 10).map((e) => e.key)).toEqual([4, 1, 3]);
    l1Set(c, 3, 33, Infinity); // overwrite makes 3 MRU without evicting
    l1Set(c, 5, 5, Infinity); // evicts 1
    expect(l1Entries(c, 0, 10).map((e) => e.key)).toEqual([5, 3, 4]);
    expect(c.evictions).toBe(2);
    expect(l1Size(c)).toBe(3);
  });

  it('entries are MRU first, skip expired ones and respect the limit', () => {
    const c = createL1(null);
    for (let k = 0; k < 10; k++) l1Set(c, k, k, k % 2 === 0 ? Infinity : 50);
    expect(l1Entries(c, 100, 3)).toEqual([
      { key: 8, version: 8, expiresAt: Infinity },
      { key: 6, version: 6, expiresAt: Infinity },
      { key: 4, version: 4, expiresAt: Infinity },
    ]);
  });

  it('delete and clear', () => {
    const c = createL1(4);
    l1Set(c, 1, 1, Infinity);
    l1Set(c, 2, 2, Infinity);
    expect(l1Delete(c, 1)).toBe(true);
    expect(l1Delete(c, 1)).toBe(false);
    expect(l1Size(c)).toBe(1);
    l1Clear(c);
    expect(l1Size(c)).toBe(0);
    expect(l1Get(c, 2, 0)).toBe(-1);
    for (let k = 0; k < 6; k++) l1Set(c, k, k, Infinity);
    expect(l1Entries(c, 0, 10).map((e) => e.key)).toEqual([5, 4, 3, 2]);
  });

  it('capacity 0 holds nothing; null grows without bound', () => {
    const zero = createL1(0);
    l1Set(zero, 1, 1, Infinity);
    expect(l1Get(zero, 1, 0)).toBe(-1);
    const big = createL1(null);
    for (let k = 0; k < 10_000; k++) l1Set(big, k * 7, k, Infinity);
    expect(l1Size(big)).toBe(10_000);
    expect(l1Get(big, 7 * 9999, 0)).toBe(9999);
    expect(big.evictions).toBe(0);
  });

  it('a structured clone is an equal, independent copy', () => {
    const c = createL1(3);
    l1Set(c, 1, 1, Infinity);
    l1Set(c, 2, 2, 100);
    const copy = structuredClone(c);
    l1Set(c, 3, 3, Infinity);
    l1Set(c, 4, 4, Infinity);
    expect(l1Entries(copy, 0, 10)).toEqual([
      { key: 2, version: 2, expiresAt: 100 },
      { key: 1, version: 1, expiresAt: Infinity },
    ]);
    expect(l1Get(copy, 1, 0)).toBe(1);
    expect(l1Get(c, 1, 0)).toBe(-1);
  });

  it('matches a reference LRU built on Map insertion order, hashed or direct key index (property)', () => {
    const op = fc.tuple(fc.constantFrom('get', 'set', 'del'), fc.integer({ min: 0, max: 12 }));
    const cap = fc.integer({ min: 1, max: 6 });
    fc.assert(
      fc.property(cap, fc.boolean(), fc.array(op, { maxLength: 200 }), (cap, direct, ops) => {
        const c = createL1(cap, direct ? 13 : null);
        const ref = new Map<number, number>();
        let evictions = 0;
        for (const [kind, k] of ops) {
          if (kind === 'get') {
            const v = ref.get(k);
            if (v !== undefined) {
              ref.delete(k);
              ref.set(k, v);
            }
            if (l1Get(c, k, 0) !== (v ?? -1)) return false;
          } else if (kind === 'set') {
            if (!ref.delete(k) && ref.size >= cap) {
              ref.delete(ref.keys().next().value!);
              evictions++;
            }
            ref.set(k, k + 100);
            l1Set(c, k, k + 100, Infinity);
          } else if (l1Delete(c, k) !== ref.delete(k)) return false;
        }
        const keys = l1Entries(c, 0, 100).map((e) => e.key);
        return (
          JSON.stringify(keys) === JSON.stringify([...ref.keys()].reverse()) && c.evictions === evictions
        );
      }),
      { seed: 1337, numRuns: 300 },
    );
  });
});
