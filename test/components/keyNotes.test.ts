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

  it('list each copy under a stale window: its place, version, time past its TTL, window and refresh', () => {
    const base = { version: 2, whileRevalidateMs: 2000, ifErrorMs: 600_000, refreshing: false };
    const notes = keyNotes({
      ...view,
      staleWindows: [
        { ...base, node: 'app-0', pastTtlMs: -400, window: 'fresh' },
        { ...base, node: 'app-1', pastTtlMs: 1200, window: 'while-revalidate', refreshing: true },
        { ...base, node: 'redis-2', pastTtlMs: 45_000, window: 'if-error' },
        { ...base, node: 'cdn', route: 'api', pastTtlMs: 700_000, window: 'expired' },
      ],
    });
    expect(notes.map((n) => [n.place, n.diverged])).toEqual([
      ['above', true],
      ['below', undefined],
    ]);
    expect(notes[0]!.text).toMatch(/^2 copies are past their TTL and kept on purpose/);
    expect(notes[1]!.text).toBe(
      'Stale windows: 4 copies, kept past their TTL for the longer window (the expiry above includes it)',
    );
    expect(notes[1]!.items).toEqual([
      'App 1 L1: v2, fresh for 400 ms yet',
      'App 2 L1: v2, 1.20 s past its TTL, within stale-while-revalidate (2.00 s): served at once; refresh in flight',
      'Redis shard 3: v2, 45 s past its TTL, within stale-if-error (600 s): served only if the next tier fails',
      'CDN (route api): v2, 700 s past its TTL and both windows: the next read fetches it',
    ]);
    const one = keyNotes({
      ...view,
      staleWindows: [{ ...base, node: 'app-0', pastTtlMs: 10, window: 'while-revalidate' }],
    });
    expect(one[0]!.text).toMatch(/^One copy is past its TTL/);
    expect(one[1]!.items).toEqual([
      'App 1 L1: v2, 10 ms past its TTL, within stale-while-revalidate (2.00 s): served at once, the next read sends a refresh',
    ]);
    expect(keyNotes({ ...view, staleWindows: [] }).map((n) => n.text)).toEqual([
      'Stale windows: no copy of the key is held',
    ]);
  });
});
