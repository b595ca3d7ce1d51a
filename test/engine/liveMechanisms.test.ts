/**
 * What a live change does to the mechanisms with state of their own: the database pool, the write
 * paths, the stampede mitigations, Redis's cron and persistence, key replication; and how the stepping
 * API takes changes (the current instant first, bad changes refused, foreign snapshots refused).
 */
import { PLAN } from '../../src/engine/registry.ts';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/index.ts';
import type { Simulation } from '../../src/engine/types.ts';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';
import { applyChangesTo } from '../../src/scenario/changes.ts';
import { createModel } from '../../src/engine/flow/model.ts';
import { copyShardOf, storeIdOf } from '../../src/engine/flow/addressing.ts';

function scenario(input: Omit<ScenarioInput, 'version'>) {
  return scenarioSchema.parse({ version: 1, seed: 9, ...input });
}

/** Steps event by event until `until`, calling `check` after each. */
function stepUntil(sim: Simulation, until: number, check: () => void): void {
  while (sim.now() < until && sim.step()) check();
}

describe('the database pool', () => {
  // No cache: every read is a query of 20 ms; 400 queries/s keep about 8 of 10 connections busy.
  const base = scenario({
    durationMs: 6000,
    workload: { rps: 400, readRatio: 1 },
    cache: { strategy: 'none' },
    database: { connections: 10, readMs: 20, serviceTime: 'constant' },
  });

  it('fewer connections: running queries finish, none starts until below the new size', () => {
    const sim = createSimulation(base);
    sim.runUntil(2000);
    expect(sim.nodes().db.inUse).toBeGreaterThan(2);
    sim.applyChange({ path: 'database.connections', value: 2 });
    let prev = sim.nodes().db.inUse;
    stepUntil(sim, 2100, () => {
      const inUse = sim.nodes().db.inUse;
      expect(inUse).toBeLessThanOrEqual(Math.max(prev, 2));
      prev = inUse;
    });
    // Within one service time every query that ran before the change is done.
    expect(sim.nodes().db.inUse).toBeLessThanOrEqual(2);
    expect(sim.nodes().db.queue).toBeGreaterThan(0);
  });

  it('more connections: queries waiting in line start at once', () => {
    const sim = createSimulation({ ...base, database: { ...base.database, connections: 2 } });
    sim.runUntil(2000);
    const { inUse, queue } = sim.nodes().db;
    expect(queue).toBeGreaterThan(5);
    sim.applyChange({ path: 'database.connections', value: 6 });
    const started = Math.min(queue, 6 - inUse);
    expect(sim.nodes().db).toMatchObject({ connections: 6, inUse: inUse + started, queue: queue - started });
  });

  it('utilisation counts each stretch of the run at the pool size it had', () => {
    const sim = createSimulation(base);
    sim.runUntil(3000);
    sim.applyChange({ path: 'database.connections', value: 16 });
    sim.runUntil(6000);
    const s = sim.summary();
    // Constant service: busy connection time is queries served x 20 ms, give or take those in flight.
    const busyMs = s.db.reads * 20;
    const connectionMs = 10 * 3000 + 16 * 3000;
    expect(Math.abs(s.db.utilisation - busyMs / connectionMs)).toBeLessThan(0.01);
  });
});

describe('the write paths', () => {
  const base = scenario({
    durationMs: 8000,
    workload: { rps: 1000, readRatio: 0.8 },
    cache: { writeBehind: { batchSize: 50, flushIntervalMs: 500 } },
  });

  it('to write-behind: queues and flushers start on the spot; back: the queues drain, nothing is lost', () => {
    const sim = createSimulation(base);
    sim.runUntil(2000);
    expect(sim.summary().writeBehind).toBeNull();
    sim.applyChange({ path: 'cache.strategy', value: 'write-behind' });
    sim.runUntil(4000);
    const during = sim.summary().writeBehind!;
    expect(during.acknowledged).toBeGreaterThan(100);
    expect(during.flushedRows).toBeGreaterThan(0);
    sim.runUntil(4200); // between two flush intervals: the queues hold writes
    const sentBefore = sim.summary().writeBehind!.batches;
    sim.applyChange({ path: 'cache.strategy', value: 'cache-aside' });
    const acknowledged = sim.summary().writeBehind!.acknowledged;
    expect(sim.summary().writeBehind!.batches).toBeGreaterThan(sentBefore); // flushed at once
    sim.runUntil(4200 + 500 + 100); // one flush interval, and time for the last batch
    const drained = sim.summary().writeBehind!;
    expect(drained.acknowledged).toBe(acknowledged); // new writes follow cache-aside
    expect(drained.pendingAtEnd).toBe(0);
    expect(drained.flushedRows).toBe(acknowledged);
    for (const i of sim.nodes().instances) expect(i.writeQueue).toBe(0);
    const batches = drained.batches;
    sim.runUntil(8000);
    expect(sim.summary().writeBehind!.batches).toBe(batches); // the flushers stopped
  });

  it('to cdc: commits publish from the change on; away: the broker drains and nothing new is published', () => {
    const sim = createSimulation(base);
    sim.runUntil(2000);
    sim.applyChange({ path: 'cache.strategy', value: 'cdc' });
    sim.runUntil(4000);
    const cdc = sim.summary().cdc!;
    expect(cdc.published).toBeGreaterThan(100);
    sim.applyChange({ path: 'cache.strategy', value: 'cache-aside' });
    sim.runUntil(6000);
    const after = sim.summary().cdc!;
    expect(after.published).toBe(sim.summary().cdc!.published);
    expect(after.published).toBeLessThan(cdc.published + 10); // commits of writes already in flight
    expect(after.backlogAtEnd).toBe(0);
    expect(after.processed).toBe(after.published);
  });
});

describe('the stampede mitigations', () => {
  // A hot key with a short TTL and a slow database: every expiry is a small herd.
  const base = scenario({
    durationMs: 6000,
    workload: { rps: 2000, keys: 50, readRatio: 1, hotKey: { share: 0.8 } },
    cache: { l2: { ttlMs: 300 }, stampede: { mode: 'lock', lockTtlMs: 1000 } },
    database: { readMs: 30, serviceTime: 'constant' },
  });

  it('leaving lock: held locks run out, no new one is taken, every waiting request is answered', () => {
    const sim = createSimulation(base);
    sim.runUntil(2000);
    expect(sim.summary().mitigations.lockAcquisitions).toBeGreaterThan(3);
    sim.applyChange({ path: 'cache.stampede.mode', value: 'none' });
    const taken = sim.summary().mitigations.lockAcquisitions;
    sim.runUntil(2000 + 1000);
    expect(sim.summary().mitigations.lockAcquisitions).toBe(taken);
    for (const shard of sim.nodes().shards) expect(shard.locks).toBe(0);
    sim.applyChange({ path: 'workload.rps', value: 0 });
    sim.runUntil(4000);
    for (const i of sim.nodes().instances) expect(i.inFlight).toBe(0);
  });

  it.each([
    ['cache.stampede.mode', 'single-flight', 'none'],
    ['cache.l1.coalesce', true, false],
  ])('switching %s off leaves no coalesced read waiting forever', (path, on, off) => {
    const sim = createSimulation({
      ...base,
      cache: { ...base.cache, l1: { ...base.cache.l1, enabled: true, ttlMs: 50 } },
    });
    sim.applyChange({ path, value: on });
    sim.runUntil(1985); // inside a herd: reads are waiting on a leader
    sim.applyChange({ path, value: off });
    sim.applyChange({ path: 'workload.rps', value: 0 });
    sim.runUntil(3000);
    for (const i of sim.nodes().instances) expect(i.inFlight).toBe(0);
    const s = sim.summary();
    expect(s.requests).toBeGreaterThan(3000);
    expect(s.reads).toBe(s.requests);
  });

  it('background refresh switched on keeps the hot key cached; switched off, its refreshes stop', () => {
    const sim = createSimulation({
      ...base,
      cache: { ...base.cache, stampede: { ...base.cache.stampede, mode: 'none' } },
    });
    sim.runUntil(1000);
    sim.applyChange({ path: 'cache.stampede.mode', value: 'background-refresh' });
    sim.runUntil(3000);
    const on = sim.summary();
    expect(on.mitigations.refreshReads).toBeGreaterThan(10);
    sim.applyChange({ path: 'cache.stampede.mode', value: 'none' });
    sim.runUntil(3100);
    const stopped = sim.summary().mitigations.refreshReads;
    sim.runUntil(6000);
    expect(sim.summary().mitigations.refreshReads).toBe(stopped);
  });
});

describe('Redis as a process', () => {
  const base = scenario({
    durationMs: 5000,
    workload: { rps: 2000, keys: 2000, readRatio: 1 },
    topology: { redisShards: 2 },
    cache: { l2: { ttlMs: 200, hz: 0 } },
  });
  const keysIn = (sim: Simulation) => sim.summary().shards.reduce((n, s) => n + s.keys, 0);

  it('hz from 0: the active expiry cycle starts and removes keys nobody reads any more', () => {
    const lazy = createSimulation(base);
    const active = createSimulation(base);
    for (const sim of [lazy, active]) {
      sim.runUntil(2000);
      sim.applyChange({ path: 'workload.rps', value: 0 });
    }
    active.applyChange({ path: 'cache.l2.hz', value: 10 });
    lazy.runUntil(4000);
    active.runUntil(4000);
    expect(keysIn(lazy)).toBeGreaterThan(500);
    expect(keysIn(active)).toBeLessThan(keysIn(lazy) / 10);
  });

  it('persistence to rdb: a crash before the first snapshot loses everything, after it little', () => {
    const crashAt = (atMs: number) =>
      createSimulation(
        scenario({
          durationMs: 5000,
          workload: { rps: 2000, keys: 2000, readRatio: 1 },
          cache: { l2: { ttlMs: 60_000, hz: 0, rdbIntervalMs: 500 } },
          failures: [{ atMs, kind: 'redis-restart', durationMs: 10 }],
          changes: [{ atMs: 1000, path: 'cache.l2.persistence', value: 'rdb' }],
        }),
      );
    const early = crashAt(1400);
    early.runUntil(1399);
    const live = keysIn(early);
    early.runUntil(1500);
    expect(live).toBeGreaterThan(500);
    expect(early.summary().keysLostOnRestart).toBe(live);
    const late = crashAt(1600); // one snapshot at 1500
    late.runUntil(1599);
    const held = keysIn(late);
    late.runUntil(1700);
    expect(held).toBeGreaterThan(500);
    expect(late.summary().keysLostOnRestart).toBeLessThan(held / 4);
  });

  it('a new replica count never lets a copy name another key', () => {
    const s = scenario({
      durationMs: 3000,
      // Mostly reads, so the copies are held when the count changes (each write deletes all of them).
      workload: { rps: 3000, keys: 40, readRatio: 0.9, zipf: 0 },
      cache: { l2: { ttlMs: 60_000 }, hotKeys: { replicas: 4, topKeys: 10 } },
    });
    const sim = createSimulation(s);
    sim.runUntil(2000);
    sim.applyChange({ path: 'cache.hotKeys.replicas', value: 8 });
    const m = createModel(applyChangesTo(s, sim.changes()), 3000, 9, 1000, PLAN);
    const copy = (key: number, r: number) =>
      sim.nodeKeys(`redis-${copyShardOf(m, key, r)}`, 1_000_000).find((e) => e.key === storeIdOf(m, key, r));
    let held = 0;
    for (let key = 0; key < 10; key++) {
      for (let r = 0; r < 4; r++) if (copy(key, r)) held++;
      // Copies 4 to 7 were never written: no other key's copy may answer for them.
      for (let r = 4; r < 8; r++) expect(copy(key, r)).toBeUndefined();
    }
    expect(held).toBeGreaterThan(10);
    sim.runUntil(3000);
    for (let key = 0; key < 10; key++) {
      for (let r = 0; r < 8; r++) {
        const e = copy(key, r);
        if (e) expect(e.version).toBeLessThanOrEqual(sim.inspectKey(key).dbVersion);
      }
    }
  });
});

describe('the stepping API', () => {
  const base = scenario({
    durationMs: 3000,
    workload: { rps: 1000, keys: 100, readRatio: 1 },
    cache: { stampede: { mode: 'background-refresh', refreshTopKeys: 20 } },
  });

  it('a change made between two events of one instant waits for the rest of that instant', () => {
    const live = createSimulation(base);
    live.step(); // the first of the refresher's wake-ups at time 0
    expect(live.now()).toBe(0);
    live.applyChange({ path: 'cache.stampede.mode', value: 'none' });
    live.runUntil(3000);
    const replay = createSimulation({
      ...base,
      changes: [{ atMs: 0, path: 'cache.stampede.mode', value: 'none' }],
    });
    replay.runUntil(3000);
    expect(live.summary()).toEqual(replay.summary());
    expect(replay.summary().mitigations.refreshReads).toBe(20); // every key was looked at once
  });

  it('refuses a field that cannot change mid-run, and a bad value, naming them', () => {
    const sim = createSimulation(base);
    expect(() => sim.applyChange({ path: 'topology.instances', value: 8 })).toThrow(
      'topology.instances cannot change mid-run; use Apply & restart',
    );
    expect(() => sim.applyChange({ path: 'cache.l2.ttlMs', value: -5 })).toThrow(
      'cache.l2.ttlMs: got -5, expected a number >= 1 and <= 86400000 (or null for no expiry)',
    );
    expect(sim.changes()).toEqual([]);
  });

  it('lists the changes it knows, the summary those applied so far', () => {
    const sim = createSimulation({ ...base, changes: [{ atMs: 2000, path: 'workload.rps', value: 10 }] });
    sim.runUntil(1000);
    sim.applyChange({ path: 'workload.zipf', value: 0.5 });
    expect(sim.changes().map((c) => c.atMs)).toEqual([1000, 2000]);
    expect(sim.summary().changes).toEqual([{ atMs: 1000, path: 'workload.zipf', value: 0.5 }]);
    expect(sim.scenario.changes).toEqual(sim.changes());
  });

  it('refuses a snapshot taken under settings this run does not have', () => {
    const sim = createSimulation(base);
    sim.runUntil(1000);
    sim.applyChange({ path: 'workload.rps', value: 10 });
    const after = sim.snapshot();
    const without = createSimulation(base);
    expect(() => without.restore(after)).toThrow(
      'the snapshot has 1 changes applied, this simulation knows 0',
    );
    const other = createSimulation({ ...base, changes: [{ atMs: 1000, path: 'workload.rps', value: 20 }] });
    expect(() => other.restore(after)).toThrow("the snapshot's settings differ");
  });
});
