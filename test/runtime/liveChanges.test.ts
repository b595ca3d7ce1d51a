/**
 * Live changes in the runtime: a change takes effect at the current time without a restart, the same
 * field set again at the same instant replaces it, undo re-simulates from the snapshot before it, and
 * seeking across a change replays it. Every run is compared with the replay of its scenario.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/index.ts';
import type { Change, Scenario, Summary } from '../../src/engine/types.ts';
import { Driver } from '../../src/runtime/driver.ts';
import { SnapshotStore } from '../../src/runtime/snapshots.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { createEngineHost } from '../../src/worker/engineHost.ts';
import type { EventMessage } from '../../src/worker/protocol.ts';

function baseline(): Scenario {
  const s = getPreset('baseline');
  if (!s) throw new Error('baseline preset missing');
  return { ...s, durationMs: 40_000 };
}

/** The summary of the scenario carrying `changes`, run straight to `t`. */
function replay(changes: Change[], t: number): Summary {
  const sim = createSimulation({ ...baseline(), changes });
  sim.runUntil(t);
  return sim.summary();
}

const l2Ratio = (s: Summary, fromMs: number, toMs: number) => {
  const pts = s.series.points.filter((p) => p.tMs > fromMs && p.tMs <= toMs);
  const hits = pts.reduce((n, p) => n + p.l2Hits, 0);
  return hits / pts.reduce((n, p) => n + p.l2Hits + p.l2Misses, 0);
};

describe('live changes in the Driver', () => {
  it('takes effect at the current time, without going back to 0, and equals its replay', () => {
    const d = new Driver(baseline(), createSimulation);
    d.seek(10_000);
    const { change, from } = d.applyChange('cache.l2.ttlMs', 1);
    expect(change).toEqual({ atMs: 10_000, path: 'cache.l2.ttlMs', value: 1 });
    expect(from).toBe(10_000);
    expect(d.sim.now()).toBe(10_000);
    d.seek(20_000);
    const live = d.sim.summary();
    expect(live).toEqual(replay([change], 20_000));
    // New SETs live 1 ms (entries already cached keep their expiry): the L2 hit ratio falls, where
    // the run without the change keeps climbing.
    const without = l2Ratio(replay([], 20_000), 12_000, 20_000);
    expect(l2Ratio(live, 5000, 10_000)).toBe(l2Ratio(replay([], 10_000), 5000, 10_000));
    expect(l2Ratio(live, 12_000, 20_000)).toBeLessThan(without - 0.1);
    expect(live.changes).toEqual([change]);
  });

  it('setting the same field again at the same instant replaces the change', () => {
    const d = new Driver(baseline(), createSimulation);
    d.seek(8000);
    d.applyChange('cache.l2.ttlMs', 1000);
    d.applyChange('cache.l2.ttlMs', 2000);
    const { change } = d.applyChange('cache.l2.ttlMs', 5000);
    expect(d.sim.changes()).toEqual([change]);
    d.seek(15_000);
    expect(d.sim.summary()).toEqual(replay([change], 15_000));
  });

  it('seeking back and forth across a change replays it exactly', () => {
    const d = new Driver(baseline(), createSimulation);
    d.seek(12_000);
    const { change } = d.applyChange('workload.rps', 3000);
    d.seek(25_000);
    const first = d.sim.summary();
    d.seek(4000);
    expect(d.sim.summary()).toEqual(replay([change], 4000));
    d.seek(25_000);
    expect(d.sim.summary()).toEqual(first);
    expect(first).toEqual(replay([change], 25_000));
  });

  it('undo re-simulates from the snapshot before the change and keeps the current time', () => {
    const d = new Driver(baseline(), createSimulation);
    d.seek(6000);
    const { change: a } = d.applyChange('database.connections', 2);
    d.seek(14_000);
    d.applyChange('cache.l2.ttlMs', 1);
    d.snapshots = new SnapshotStore({ minGapEvents: 5000, eventsPerStateByte: 0 });
    d.seek(22_000);
    // Snapshots from 14 s on hold the undone change: none may survive the undo.
    const stale = d.snapshots
      .times()
      .filter((t) => t >= 14_000)
      .map((t) => d.snapshots.before(t));
    expect(stale.length).toBeGreaterThan(2);
    const from = d.setChanges([a]);
    expect(from).toBe(14_000);
    expect(d.sim.now()).toBe(22_000);
    for (const snap of stale) expect(d.snapshots.before(snap!.atMs)).not.toBe(snap);
    expect(d.sim.summary()).toEqual(replay([a], 22_000));
    d.setChanges([]);
    expect(d.sim.summary()).toEqual(replay([], 22_000));
  });
});

describe('live changes through the worker protocol', () => {
  it('replies with the recorded change, sends the list, and makes the page drop samples after an undo', () => {
    const events: EventMessage[] = [];
    const host = createEngineHost(
      (m) => events.push(m),
      () => 0,
    );
    const send = (m: object) => host.handle({ v: 1, run: 'r', ...m });
    send({ type: 'load', scenario: baseline() });
    send({ type: 'seek', tMs: 5000 });
    send({ type: 'applyChange', id: 1, path: 'cache.l2.ttlMs', value: 1 });
    send({ type: 'applyChange', id: 2, path: 'topology.instances', value: 8 });
    send({ type: 'seek', tMs: 9000 });
    send({ type: 'setChanges', id: 3, changes: [] });
    const reply = events.find((e) => e.type === 'reply' && e.id === 1);
    expect(reply?.type === 'reply' && reply.result).toEqual({ atMs: 5000, path: 'cache.l2.ttlMs', value: 1 });
    const refused = events.find((e) => e.type === 'error' && e.id === 2);
    expect(refused?.type === 'error' && refused.message).toMatch(/topology\.instances cannot change mid-run/);
    const updates = events.filter((e) => e.type === 'update');
    const lists = updates.flatMap((e) => (e.type === 'update' && e.changes ? [e.changes.length] : []));
    expect(lists).toEqual([0, 1, 0]);
    const last = updates.at(-1)!;
    // After the undo the samples from 5 s on are re-sent: the page keeps the first five.
    expect(last.type === 'update' && last.seriesFrom?.points).toBe(5);
    expect(last.type === 'update' && last.summary?.series.points.map((p) => p.tMs)).toEqual([
      6000, 7000, 8000, 9000,
    ]);
  });
});
