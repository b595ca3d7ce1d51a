/**
 * Determinism: a scenario and a seed fix the run, event for event, however it is driven (one call,
 * event by event, or through a snapshot and restore). A golden summary pins the numbers of one seed so a
 * change to the model shows up as a diff to review.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from '../../src/engine/index.ts';
import type { Summary } from '../../src/engine/types.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden', 'baseline-seed7.json');

/** Baseline-like: 4 instances with L1, 3 shards, Zipf 0.99 over 100 000 keys, 95 % reads, 5 s. */
const scenario = scenarioSchema.parse({
  version: 1,
  title: 'determinism baseline',
  seed: 7,
  durationMs: 5000,
  workload: { rps: 1000, readRatio: 0.95, keys: 100_000, zipf: 0.99 },
  topology: { instances: 4, redisShards: 3 },
  cache: {
    strategy: 'cache-aside',
    l1: { enabled: true, ttlMs: 1000, maxKeys: 1000 },
    l2: { ttlMs: 60_000 },
  },
});
const END = scenario.durationMs;

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** The part of a Summary the golden file pins. */
function trim(s: Summary) {
  return {
    seed: s.seed,
    requests: s.requests,
    reads: s.reads,
    writes: s.writes,
    events: s.events,
    l1: { hits: s.l1.hits, misses: s.l1.misses },
    l2: { hits: s.l2.hits, misses: s.l2.misses },
    db: { reads: s.db.reads, writes: s.db.writes },
    staleReads: s.staleReads,
    latencyMs: { p50: round6(s.latencyMs.p50), p99: round6(s.latencyMs.p99) },
  };
}

/**
 * Writes the golden file when it is missing (run the tests once locally, review and commit it).
 * On CI a missing file is an error rather than a silent pass.
 */
function readOrCreateGolden(actual: ReturnType<typeof trim>): unknown {
  if (!existsSync(GOLDEN)) {
    if (process.env.CI) throw new Error(`${GOLDEN} is missing: run the tests locally and commit it`);
    mkdirSync(dirname(GOLDEN), { recursive: true });
    writeFileSync(GOLDEN, JSON.stringify(actual, null, 2) + '\n');
  }
  return JSON.parse(readFileSync(GOLDEN, 'utf8'));
}

describe('determinism', () => {
  it('the same scenario and seed give the same Summary', () => {
    const a = runScenario(scenario, { seed: 7 });
    const b = runScenario(scenario, { seed: 7 });
    expect(a.requests).toBeGreaterThan(4000);
    expect(b).toEqual(a);
  });

  it('different seeds give different runs', () => {
    const a = runScenario(scenario, { seed: 7 });
    const b = runScenario(scenario, { seed: 8 });
    expect(b.seed).toBe(8);
    expect({ ...b, seed: 7 }).not.toEqual(a);
    expect(b.events).not.toBe(a.events);
  });

  it('restoring a snapshot replays the rest of the run exactly', () => {
    const sim = createSimulation(scenario);
    sim.runUntil(2_345);
    const snap = sim.snapshot();
    sim.runUntil(END);
    const first = sim.summary();
    sim.restore(snap);
    expect(sim.now()).toBe(2_345);
    sim.runUntil(END);
    expect(sim.summary()).toEqual(first);
    expect(first).toEqual(runScenario(scenario));
  });

  it('stepping event by event equals runUntil(end)', () => {
    const stepped = createSimulation(scenario);
    let steps = 0;
    while (stepped.step()) steps++;
    expect(stepped.done()).toBe(true);
    const events = stepped.summary().events;
    // step() leaves the clock at the last event; runUntil(end) only moves it to the end, no event left.
    stepped.runUntil(END);
    expect(stepped.summary().events).toBe(events);
    expect(steps).toBe(events);

    const whole = createSimulation(scenario);
    whole.runUntil(END);
    expect(stepped.summary()).toEqual(whole.summary());
  });

  it('matches the golden summary for seed 7', () => {
    const actual = trim(runScenario(scenario, { seed: 7 }));
    expect(actual).toEqual(readOrCreateGolden(actual));
  });
});
