import { describe, expect, it } from 'vitest';
import { MECHANISMS } from '../../src/engine/registry.ts';
import type { KeyView } from '../../src/engine/types.ts';
import { keyNotes, MECHANISM_INSPECT } from '../../src/components/inspector/keyNotes.ts';

const view: KeyView = {
  key: 3,
  name: 'user:3',
  slot: 10,
  shard: 0,
  dbVersion: 2,
  redis: null,
  l1: [],
};

describe("the mechanisms' parts of the key inspector", () => {
  it("belong each to one mechanism of the registry, in the registry's order", () => {
    const order = MECHANISMS.map((m) => m.name as string);
    const positions = MECHANISM_INSPECT.map((p) => order.indexOf(p.name));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('say nothing of a key no mechanism added to, and name write-behind and the copies when they did', () => {
    expect(keyNotes(view)).toEqual([]);
    const notes = keyNotes({
      ...view,
      ackedVersion: 3,
      replicas: [{ name: 'user:3#1', slot: 99, shard: 1 }],
    });
    expect(notes.map((n) => n.place)).toEqual(['above', 'below']);
    expect(notes[0]!.text).toContain('Clients were told v3; the database has only v2');
    expect(notes[1]!.text).toBe('Copies (1): a read picks one, a write sets them all');
    expect(notes[1]!.items).toEqual([expect.stringMatching(/^user:3#1: slot 99, /)]);
  });

  it('say which instances Redis tracks a key for, its shard table, and what each instance received', () => {
    const tracking = { mode: 'default', shard: 0, tableKeys: 12, tableMaxKeys: 100, received: [4, 0] };
    const notes = keyNotes({ ...view, tracking: { ...tracking, trackedBy: [1] } });
    expect(notes.map((n) => n.place)).toEqual(['above', 'below']);
    expect(notes[0]!.text).toBe('Tracked by App 2: a change of it is pushed to it as an invalidation.');
    expect(notes[1]!.text).toBe("Invalidations received (Redis shard 1's table: 12 keys of 100)");
    expect(notes[1]!.items).toEqual(['App 1: 4', 'App 2: 0']);
    const bcast = keyNotes({
      ...view,
      tracking: { ...tracking, mode: 'bcast', tableMaxKeys: null, trackedBy: [] },
    });
    expect(bcast[0]!.text).toMatch(/^Under no BCAST prefix/);
    expect(bcast[1]!.text).toBe('Invalidations received (BCAST: no table)');
  });
});
