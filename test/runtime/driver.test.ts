import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/index.ts';
import { Driver } from '../../src/runtime/driver.ts';
import { bridgeDriverToStore } from '../../src/runtime/bridge.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import { stepSpeed, sliderToSpeed, speedToSlider } from '../../src/runtime/speed.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { failureSchema } from '../../src/scenario/schema.ts';

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
    const store = createAppStore(baseline());
    bridgeDriverToStore(d, store, clock.now);
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
    // The bridge shows it as the page's notice.
    expect(store.getState().notice).toBe(d.failure);
    expect(() => d.seek(5000)).not.toThrow();
    // Seeking back still works, and loading a scenario clears the failure.
    d.seek(1000);
    expect(d.sim.now()).toBe(1000);
    d.load(baseline());
    expect(d.failure).toBeNull();
  });
});
