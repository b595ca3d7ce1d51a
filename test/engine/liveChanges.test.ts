/**
 * Live changes, for every live path: the run with a change at t equals the run without it up to t, a
 * change applied live after runUntil(t) equals its replay from a scenario that carries it, and snapshots
 * cross a change in both directions (how the app seeks and undoes). Values are chosen from each field's
 * schema, so a path added to LIVE_PATHS is tested without editing this file.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/index.ts';
import type { Scenario, Summary } from '../../src/engine/types.ts';
import { LIVE_PATHS } from '../../src/scenario/changes.ts';
import { enumOptions, kindOf, numberBounds, parsePath, schemaAt, unwrap } from '../../src/scenario/fields.ts';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';

const T = 1000;
const END = 2000;

/** Three scenarios that between them switch on every mechanism a live path can reach. */
const bases: Record<string, Scenario> = {
  'cache-aside with L1, lock, replication, evictions and a Redis restart': parse({
    workload: { rps: 1200, keys: 2000, readRatio: 0.9, hotKey: { share: 0.2 } },
    cache: {
      l1: { enabled: true, maxKeys: 200, coalesce: true },
      l2: { ttlMs: 800, maxKeys: 100, persistence: 'rdb', rdbIntervalMs: 500 },
      stampede: { mode: 'lock', lockTtlMs: 6 },
      hotKeys: { replicas: 3, topKeys: 2 },
      warming: { enabled: true, topKeys: 50 },
    },
    database: { queryCache: { enabled: true, maxEntries: 500 } },
    failures: [{ atMs: 1300, kind: 'redis-restart', durationMs: 200 }],
  }),
  'write-behind with XFetch, LFU, leases, absent keys, a small pool and an instance crash': parse({
    workload: {
      rps: 1200,
      keys: 1000,
      readRatio: 0.7,
      hotKey: { share: 0.3 },
      absent: { share: 0.1, keys: 30 },
    },
    cache: {
      strategy: 'write-behind',
      l2: { ttlMs: 500, hz: 0, maxKeys: 60, eviction: 'allkeys-lfu', lfuLogFactor: 1 },
      stampede: { mode: 'xfetch' },
      writeBehind: { batchSize: 20, flushIntervalMs: 300 },
      leases: { enabled: true, waitMs: 2, leaseTtlMs: 3 },
      negative: { mode: 'ttl', ttlMs: 200 },
    },
    database: { connections: 3, readMs: 2 },
    failures: [{ atMs: 1500, kind: 'instance-crash', target: 1, durationMs: 300 }],
  }),
  'CDC with families, a CDN, a background refresher and a phase after the change': parse({
    topology: { cdn: true },
    cdn: {
      routes: [{ name: 'account', cacheControl: 'public, max-age=1', personalised: true }],
      purgeDelayMs: 300,
    },
    workload: {
      users: 50,
      rps: 1000,
      readRatio: 0.8,
      phases: [{ atMs: 1800, rps: 1500 }],
      families: [
        { name: 'product', keys: 500, ttlMs: 400 },
        { name: 'price', keys: 200, ttlMs: 300, zipf: 1.2, readRatio: 0.5 },
      ],
    },
    cache: {
      strategy: 'cdc',
      l1: { enabled: true, ttlMs: 200 },
      l2: { ttlReset: true },
      stampede: { mode: 'background-refresh', refreshTopKeys: 5 },
      cdc: { lagMs: 50, lagDistribution: 'exponential' },
    },
  }),
};

function parse(input: Omit<ScenarioInput, 'version'>): Scenario {
  return scenarioSchema.parse({ version: 1, seed: 11, durationMs: END, ...input });
}

/** The scenario's current value at a dotted path. */
function valueAt(scenario: Scenario, path: string): unknown {
  return parsePath(path).reduce<unknown>((v, k) => (v as Record<string, unknown> | null)?.[k], scenario);
}

/** A valid value different from the current one, from the field's own schema. */
function otherValue(path: string, current: unknown): unknown {
  const { base } = unwrap(schemaAt(parsePath(path))!);
  switch (kindOf(base)) {
    case 'boolean':
      return !current;
    case 'enum':
      return enumOptions(base).find((o) => o !== current);
    case 'object':
      return current === null ? { share: 0.3 } : null;
    case 'number': {
      const { min, max, isInt } = numberBounds(base);
      if (current === null || current === undefined) {
        const mid = (min + Math.min(max, min + 80)) / 2; // a small limit: 41 keys, half a share...
        return isInt ? Math.floor(mid) : mid;
      }
      const half = isInt ? Math.floor((current as number) / 2) : (current as number) / 2;
      if (half >= min && half !== current) return half;
      return Math.min(max, isInt ? (current as number) * 2 + 1 : (current as number) * 2 + 0.5);
    }
    default:
      throw new Error(`no other value for ${path} (${kindOf(base)})`);
  }
}

/** What must not differ before the change: the series up to t and the events processed. */
const upTo = (s: Summary) => ({ events: s.events, points: s.series.points });

/** Paths whose change made a difference to the rest of a run, on any base. */
const effective = new Set<string>();

describe.each(Object.entries(bases))('live changes on %s', (_, base) => {
  const untilT = createSimulation(base);
  untilT.runUntil(T);
  const before = upTo(untilT.summary());
  const snapBefore = untilT.snapshot();
  untilT.runUntil(END);
  const unchanged = untilT.summary();

  it.each([...LIVE_PATHS])('%s: identical up to t, live equals replay, snapshots cross it', (path) => {
    const value = otherValue(path, valueAt(base, path));
    const withChange: Scenario = { ...base, changes: [{ atMs: T, path, value }] };

    const replay = createSimulation(withChange);
    replay.runUntil(T);
    expect(upTo(replay.summary())).toEqual(before);
    replay.runUntil(END);
    const replayed = replay.summary();
    expect(replayed.changes).toEqual([{ atMs: T, path, value }]);
    if (JSON.stringify({ ...replayed, changes: [] }) !== JSON.stringify(unchanged)) effective.add(path);

    const live = createSimulation(base);
    live.runUntil(T);
    const recorded = live.applyChange({ path, value });
    expect(recorded.atMs).toBe(T);
    live.runUntil(END);
    expect(live.summary()).toEqual(replayed);
    expect(live.scenario).toEqual(replay.scenario);

    // A snapshot from before the change, taken without it, continues the run that has it...
    const restored = createSimulation(withChange);
    restored.restore(snapBefore);
    restored.runUntil(END);
    expect(restored.summary()).toEqual(replayed);
    // ...and the live run, sent back before its change, replays it exactly.
    live.restore(snapBefore);
    live.runUntil(END);
    expect(live.summary()).toEqual(replayed);
  });
});

describe('the harness above', () => {
  it('changes the course of the run for nearly every live path', () => {
    // A monitoring threshold matters only when a rule is near it, LFU decay acts over minutes, XFetch's
    // beta only near an expiry; every other change must alter what happens after t.
    const idle = LIVE_PATHS.filter((p) => !effective.has(p));
    expect(idle.length, `no effect: ${idle.join(', ')}`).toBeLessThan(LIVE_PATHS.length / 8);
  });
});
