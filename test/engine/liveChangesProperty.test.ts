/**
 * Property: any list of valid live changes, applied live at their times, gives the run its replay from
 * a scenario carrying them gives; stepping event by event and seeking back through a snapshot give it
 * too. Paths, values and times are random (values from each field's own schema).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/index.ts';
import type { Change, Scenario } from '../../src/engine/types.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { liveChange } from '../scenario/arbitraries.ts';

const END = 2000;

const base: Scenario = scenarioSchema.parse({
  version: 1,
  seed: 5,
  durationMs: END,
  workload: { rps: 800, keys: 500, readRatio: 0.85, hotKey: { share: 0.2 } },
  cache: { l1: { enabled: true, maxKeys: 100 }, l2: { ttlMs: 400, maxKeys: 80 } },
  database: { connections: 4 },
  failures: [{ atMs: 900, kind: 'redis-shard-crash', target: 1, durationMs: 150 }],
});

/**
 * Values that would make a two-second run long or huge are capped: the engine's cost grows with the
 * arrival rate and a query cache allocates its slots. Everything else keeps the schema's full range.
 */
const CAPS: Record<string, number> = {
  'workload.rps': 3000,
  'database.queryCache.maxEntries': 100_000,
  'database.readMs': 50,
  'database.writeMs': 50,
};

const changeList = fc.array(liveChange, { maxLength: 6 }).map((list): Change[] =>
  list
    .map((c) => {
      const cap = CAPS[c.path];
      const value = cap !== undefined && typeof c.value === 'number' ? Math.min(c.value, cap) : c.value;
      return { atMs: c.atMs % (END + 1), path: c.path, value };
    })
    .sort((a, b) => a.atMs - b.atMs),
);

describe('live changes, any list of them', () => {
  it('live application, replay, stepping and a seek back through a snapshot give one run', () => {
    fc.assert(
      fc.property(changeList, fc.integer({ min: 0, max: END }), (changes, seekAt) => {
        const replay = createSimulation({ ...base, changes });
        replay.runUntil(END);
        const expected = replay.summary();
        expect(expected.changes.map((c) => c.atMs)).toEqual(changes.map((c) => c.atMs));

        const live = createSimulation(base);
        let snap = live.snapshot();
        let snapAt = 0;
        for (const change of changes) {
          if (change.atMs >= seekAt && snapAt === 0 && seekAt > 0) {
            live.runUntil(seekAt);
            snap = live.snapshot();
            snapAt = seekAt;
          }
          live.runUntil(change.atMs);
          live.applyChange(change);
        }
        live.runUntil(END);
        expect(live.summary()).toEqual(expected);
        expect(live.scenario).toEqual(replay.scenario);

        // Back to a snapshot from before some of the changes: they are replayed exactly.
        live.restore(snap);
        live.runUntil(END);
        expect(live.summary()).toEqual(expected);

        const stepped = createSimulation({ ...base, changes });
        while (stepped.step());
        stepped.runUntil(END);
        expect(stepped.summary()).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});
