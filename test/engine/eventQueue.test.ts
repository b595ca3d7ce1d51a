import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  createQueue,
  peekTime,
  popSlot,
  release,
  schedule,
  type EventQueue,
} from '../../src/engine/core/eventQueue.ts';

/** Pops everything, returning [time, a] pairs in pop order. */
function drain(q: EventQueue): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  while (q.size > 0) {
    const slot = popSlot(q);
    out.push([q.time[slot]!, q.a[slot]!]);
    release(q, slot);
  }
  return out;
}

describe('event queue', () => {
  it('pops in time order and reports the earliest time', () => {
    const q = createQueue();
    expect(peekTime(q)).toBe(Infinity);
    for (const [t, a] of [
      [5, 0],
      [1, 1],
      [3, 2],
      [2, 3],
      [4, 4],
    ] as const)
      schedule(q, t, 0, a, 0);
    expect(peekTime(q)).toBe(1);
    expect(drain(q).map(([t]) => t)).toEqual([1, 2, 3, 4, 5]);
    expect(peekTime(q)).toBe(Infinity);
  });

  it('keeps its fields: type, a, b', () => {
    const q = createQueue();
    schedule(q, 7, 3, 42, 2.5);
    const slot = popSlot(q);
    expect([q.time[slot], q.type[slot], q.a[slot], q.b[slot]]).toEqual([7, 3, 42, 2.5]);
  });

  it('breaks time ties by scheduling order (time, seq)', () => {
    const q = createQueue();
    for (let i = 0; i < 50; i++) schedule(q, i % 5, 0, i, 0);
    const out = drain(q);
    const expected = Array.from({ length: 50 }, (_, i) => [i % 5, i] as [number, number]).sort(
      (x, y) => x[0] - y[0] || x[1] - y[1],
    );
    expect(out).toEqual(expected);
  });

  it('ties stay in scheduling order when events are scheduled between pops', () => {
    const q = createQueue();
    schedule(q, 10, 0, 0, 0);
    schedule(q, 10, 0, 1, 0);
    release(q, popSlot(q));
    schedule(q, 10, 0, 2, 0);
    schedule(q, 10, 0, 3, 0);
    expect(drain(q).map(([, a]) => a)).toEqual([1, 2, 3]);
  });

  it('grows past its initial capacity without losing events', () => {
    const q = createQueue(4);
    for (let i = 0; i < 1000; i++) schedule(q, 1000 - i, 0, i, 0);
    expect(q.size).toBe(1000);
    expect(q.time.length).toBeGreaterThanOrEqual(1000);
    const out = drain(q);
    expect(out).toHaveLength(1000);
    expect(out.map(([, a]) => a)).toEqual(Array.from({ length: 1000 }, (_, i) => 999 - i));
  });

  it('reuses released slots instead of growing', () => {
    const q = createQueue(8);
    for (let round = 0; round < 100; round++) {
      for (let i = 0; i < 8; i++) schedule(q, round + i, 0, i, 0);
      drain(q);
    }
    expect(q.time.length).toBe(8);
  });

  it('a structured clone replays the same pops', () => {
    const q = createQueue(4);
    for (let i = 0; i < 20; i++) schedule(q, (i * 7) % 11, 0, i, 0);
    const copy = structuredClone(q);
    expect(drain(copy)).toEqual(drain(q));
  });

  it('random interleavings of schedules and pops match a sorted reference (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('push' as const), t: fc.integer({ min: 0, max: 20 }) }),
      fc.record({ kind: fc.constant('pop' as const), t: fc.constant(0) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), fc.integer({ min: 1, max: 8 }), (ops, cap) => {
        const q = createQueue(cap);
        const ref: Array<[number, number]> = [];
        let seq = 0;
        for (const o of ops) {
          if (o.kind === 'push') {
            schedule(q, o.t, 0, seq, 0);
            ref.push([o.t, seq++]);
            ref.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
          } else if (ref.length > 0) {
            const slot = popSlot(q);
            const got = [q.time[slot]!, q.a[slot]!];
            release(q, slot);
            if (got[0] !== ref[0]![0] || got[1] !== ref[0]![1]) return false;
            ref.shift();
          }
          if (q.size !== ref.length || peekTime(q) !== (ref[0]?.[0] ?? Infinity)) return false;
        }
        const rest = drain(q);
        return JSON.stringify(rest) === JSON.stringify(ref);
      }),
      { seed: 20240601, numRuns: 300 },
    );
  });
});

describe('event queue edge cases', () => {
  it('a queue created with capacity 0 still grows', () => {
    const q = createQueue(0);
    schedule(q, 5, 0, 1, 0);
    schedule(q, 1, 0, 2, 0);
    expect(drain(q)).toEqual([
      [1, 2],
      [5, 1],
    ]);
  });

  it('popping an empty queue returns -1 and leaves it usable', () => {
    const q = createQueue(2);
    expect(popSlot(q)).toBe(-1);
    expect(q.size).toBe(0);
    schedule(q, 3, 0, 9, 0);
    expect(drain(q)).toEqual([[3, 9]]);
  });
});
