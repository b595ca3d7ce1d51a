import { describe, expect, it } from 'vitest';
import { createTable, forget, remember, tableSize } from '../../src/engine/mechanisms/tracking/table.ts';

const empty = createTable;
const names = { name: (key: number) => `key:${key}` };

describe('tracking table', () => {
  it('remembers each key once, with a bit per instance that read it', () => {
    const t = empty();
    expect(remember(t, 7, 0, names)).toBe(true);
    expect(remember(t, 7, 3, names)).toBe(false);
    expect(remember(t, 9, 31, names)).toBe(true);
    expect(tableSize(t)).toBe(2);
    expect(forget(t, 7, names)).toBe(0b1001);
    expect(forget(t, 9, names)).toBe(2 ** 31);
    expect(tableSize(t)).toBe(0);
  });

  it('forgetting keeps the keys dense and findable', () => {
    const t = empty();
    for (let k = 0; k < 5; k++) remember(t, k, k, names);
    expect(forget(t, 1, names)).toBe(1 << 1);
    expect(forget(t, 1, names)).toBe(0);
    expect([...t.keys].sort()).toEqual([0, 2, 3, 4]);
    for (const k of [0, 2, 3, 4]) expect(t.keys[t.at.get(k)!]).toBe(k);
    expect(forget(t, 4, names)).toBe(1 << 4);
  });
});
