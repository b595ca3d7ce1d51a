import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/index.ts';
import { Driver } from '../../src/runtime/driver.ts';
import { EngineRun } from '../../src/worker/engineRun.ts';
import type { EngineEvent } from '../../src/worker/protocol.ts';
import { stepSpeed, sliderToSpeed, speedToSlider } from '../../src/runtime/speed.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { failureSchema } from '../../src/scenario/schema.ts';
import type { Scenario, SimSnapshot, Simulation } from '../../src/engine/types.ts';
import { SnapshotStore } from '../../src/runtime/snapshots.ts';

/** createSimulation, recording the snapshots restored and when tracing was switched. */
function recording() {
  const restored: number[] = [];
  const tracing: { on: boolean; atMs: number }[] = [];
  const create = (scenario: Scenario, options?: Parameters<typeof createSimulation>[1]): Simulation => {
    const sim = createSimulation(scenario, options);
    return {
      ...sim,
      restore: (snap: SimSnapshot) => {
        restored.push(snap.atMs);
        sim.restore(snap);
      },
      setTracing: (on: boolean) => {
        if (tracing.at(-1)?.on !== on) tracing.push({ on, atMs: sim.now() });
        sim.setTracing(on);
      },
    };
  };
  return { create, restored, tracing };
}

/** A stand-in snapshot for the store's bookkeeping (it never looks inside). */
const fakeSnap = (atMs: number, events: number, bytes = 1000): SimSnapshot => ({
  __snapshot: true,
  atMs,
  events,
  bytes,
  rawBytes: bytes,
});

function baseline() {
  const s = getPreset('baseline');
  if (!s) throw new Error('baseline preset missing');
  return { ...s, durationMs: 6000 };
}

/** A wall clock the test moves by hand. */
function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('Driver', () => {
  it('seeking back then forward reaches the same state as an uninterrupted run', () => {
    const straight = new Driver(baseline(), createSimulation);
    straight.seek(4000);
    const expected = straight.sim.summary();
    const scrubbed = new Driver(baseline(), createSimulation);
    scrubbed.seek(5000);
    scrubbed.seek(1500);
    expect(scrubbed.sim.now()).toBe(1500);
    scrubbed.seek(4000);
    const got = scrubbed.sim.summary();
    expect(got.requests).toBe(expected.requests);
    expect(got.events).toBe(expected.events);
    expect(got.l2).toEqual(expected.l2);
  });

  it('Step processes exactly one event and pauses', () => {
    const d = new Driver(baseline(), createSimulation);
    d.seek(500);
    const before = d.sim.summary().events;
    d.play();
    d.step();
    expect(d.playing).toBe(false);
    expect(d.sim.summary().events).toBe(before + 1);
  });

  it('turns wall time into simulated time at the speed factor', () => {
    const clock = fakeClock();
    const d = new Driver(baseline(), createSimulation, clock.now);
    d.setSpeed(0.5);
    d.play();
    d.tick(0);
    d.tick(50);
    expect(d.sim.now()).toBeCloseTo(25, 6);
  });

  it('stops at the budget when the engine cannot keep up, and says so', () => {
    const clock = fakeClock();
    // Every clock read costs 5 wall ms: the 7 ms frame budget runs out after a chunk or two.
    const slow = () => clock.advance(5);
    const d = new Driver(baseline(), createSimulation, slow);
    d.setSpeed(100);
    d.play();
    d.tick(0);
    d.tick(16);
    expect(d.behind).toBe(true);
    expect(d.sim.now()).toBeLessThan(1600);
  });

  it('finds the next notable event: the hottest key expiring or a scheduled failure', () => {
    const failure = failureSchema.parse({ atMs: 3000, kind: 'redis-restart', durationMs: 500 });
    const d = new Driver({ ...baseline(), failures: [failure] }, createSimulation);
    const found = d.nextNotable();
    expect(found).not.toBeNull();
    expect(d.sim.now()).toBe(found?.atMs);
    expect(found!.atMs).toBeLessThanOrEqual(3000);
  });

  it('names a failure found next as the screen does, with the node it hits', () => {
    const failure = failureSchema.parse({ atMs: 5, kind: 'instance-crash', target: 1, durationMs: 500 });
    const d = new Driver({ ...baseline(), failures: [failure] }, createSimulation);
    expect(d.nextNotable()).toEqual({ atMs: 5, label: 'Failure: App instance crash (App 2)' });
    expect(d.nextNotable()?.label).toBe('Recovered: App instance crash (App 2)');
  });
});

describe('Driver seeking', () => {
  it('a forward seek starts from the nearest snapshot at or before the target, not from now', () => {
    const { create, restored } = recording();
    const d = new Driver({ ...baseline(), durationMs: 30_000 }, create);
    d.snapshots = new SnapshotStore({ minGapEvents: 10_000, eventsPerStateByte: 0 });
    d.seek(28_000);
    const times = d.snapshots.times();
    expect(times.length).toBeGreaterThan(2);
    d.seek(1000);
    restored.length = 0;
    d.seek(27_000);
    expect(restored).toHaveLength(1);
    expect(restored[0]).toBe(d.snapshots.before(27_000)!.atMs);
    expect(restored[0]).toBeGreaterThan(1000);
  });

  it('fast-forwards untraced and traces only the stretch the paused frame shows', () => {
    const { create, tracing } = recording();
    const d = new Driver(baseline(), create);
    d.seek(5000);
    const stretchFrom = 5000 - d.minVisibleMs;
    expect(tracing.find((t) => t.on === false)?.atMs).toBe(0);
    const traced = tracing.filter((t) => t.on && t.atMs > 0);
    expect(traced).toHaveLength(1);
    expect(traced[0]!.atMs).toBeCloseTo(stretchFrom, 6);
    const batch = d.feed.take();
    expect(batch.count).toBeGreaterThan(0);
    // A hop is recorded when it is sent; a reply can start a little before (the request left earlier).
    expect(Math.min(...batch.start)).toBeGreaterThan(stretchFrom - 20);
  });

  it('keeps snapshot memory within its budget on a long run', () => {
    const d = new Driver({ ...baseline(), durationMs: 120_000 }, createSimulation);
    d.snapshots = new SnapshotStore({
      budgetBytes: 6 * 1024 * 1024,
      minGapEvents: 10_000,
      eventsPerStateByte: 0,
    });
    d.seek(120_000);
    expect(d.snapshots.size).toBeGreaterThan(2);
    expect(d.snapshots.bytes).toBeLessThanOrEqual(6 * 1024 * 1024);
    const straight = createSimulation({ ...baseline(), durationMs: 120_000 });
    straight.runUntil(40_000);
    d.seek(40_000);
    expect(d.sim.summary()).toEqual(straight.summary());
  });
});

describe('SnapshotStore', () => {
  it('thins far from the playhead first: gaps grow with the distance', () => {
    const store = new SnapshotStore({ budgetBytes: Infinity, maxCount: 20 });
    for (let i = 0; i <= 400; i++) store.add(fakeSnap(i * 100, i * 10_000), i * 10_000);
    expect(store.size).toBe(20);
    const t = store.times();
    expect(t[0]).toBe(0);
    expect(t.at(-1)).toBe(40_000);
    const gaps = t.slice(1).map((x, i) => x - t[i]!);
    // Near the playhead (the end) the gaps are the smallest, far from it the largest.
    expect(gaps.at(-1)).toBeLessThan(gaps[1]!);
    expect(Math.max(...gaps.slice(-5))).toBeLessThan(Math.min(...gaps.slice(0, 5)));
  });

  it('holds at most its byte budget, forgets what follows a change, and finds the one before a time', () => {
    const store = new SnapshotStore({ budgetBytes: 10_000 });
    for (let i = 0; i < 50; i++) store.add(fakeSnap(i * 1000, i * 1000, 1000), 0);
    expect(store.bytes).toBeLessThanOrEqual(10_000);
    expect(store.size).toBe(10);
    store.dropAfter(5000);
    expect(store.times().every((t) => t <= 5000)).toBe(true);
    expect(store.bytes).toBe(store.size * 1000);
    expect(store.before(4999)!.atMs).toBeLessThanOrEqual(4999);
    expect(store.before(-1)).toBeNull();
  });
});

describe('speed scale', () => {
  it('maps the slider logarithmically and steps through round values', () => {
    expect(sliderToSpeed(speedToSlider(0.01))).toBe(0.01);
    expect(sliderToSpeed(0)).toBe(1);
    expect(sliderToSpeed(2)).toBe(100);
    expect(stepSpeed(1, 1)).toBe(2);
    expect(stepSpeed(1, -1)).toBe(0.5);
    expect(stepSpeed(100, 1)).toBe(100);
    expect(stepSpeed(0.01, -1)).toBe(0.01);
  });

  it('an engine that throws stops the run with a message instead of breaking the animation loop', () => {
    // A simulation whose engine fails past 2 s, as an engine bug would.
    const failing: typeof createSimulation = (scenario, options) => {
      const sim = createSimulation(scenario, options);
      const runUntil = sim.runUntil.bind(sim);
      sim.runUntil = (t) => {
        if (t > 2000) throw new Error('engine bug: event type 43 rescheduled itself at 2000 ms');
        runUntil(t);
      };
      return sim;
    };
    const clock = fakeClock();
    const d = new Driver(baseline(), failing, clock.now);
    d.seek(1900);
    d.setSpeed(1000);
    d.play();
    for (let i = 0; i < 5; i++) {
      clock.advance(16);
      expect(() => d.tick(clock.now())).not.toThrow();
    }
    expect(d.playing).toBe(false);
    expect(d.failure).toMatch(
      /^The simulation stopped at 1\.\d+ s: engine bug: event type 43 .*load a preset\.$/,
    );
    expect(() => d.seek(5000)).not.toThrow();
    // Seeking back still works, and loading a scenario clears the failure.
    d.seek(1000);
    expect(d.sim.now()).toBe(1000);
    d.load(baseline());
    expect(d.failure).toBeNull();
  });

  it('the worker tells the page about an engine failure once, as an error event', () => {
    const failing: typeof createSimulation = (scenario, options) => {
      const sim = createSimulation(scenario, options);
      const runUntil = sim.runUntil.bind(sim);
      sim.runUntil = (t) => {
        if (t > 2000) throw new Error('engine bug: a tick at now');
        runUntil(t);
      };
      return sim;
    };
    const clock = fakeClock();
    const events: EngineEvent[] = [];
    const run = new EngineRun(baseline(), (e) => events.push(e), clock.now, failing);
    run.handle({ type: 'seek', tMs: 1900 }, undefined);
    run.handle({ type: 'setSpeed', speed: 1000 }, undefined);
    run.handle({ type: 'play' }, undefined);
    for (let i = 0; i < 5; i++) run.handle({ type: 'frame', wallMs: clock.advance(16) }, undefined);
    const errors = events.filter((e) => e.type === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^The simulation stopped at 1\.\d+ s: engine bug: a tick at now/);
  });
});
