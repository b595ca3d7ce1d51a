import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { parseScenario } from '../../src/scenario/validate.ts';
import { sweepParam } from '../../src/sweep/param.ts';
import { planSweep, rangeValues, SEED_STEP, SWEEP_LIMITS, sweepSeeds } from '../../src/sweep/plan.ts';

const baseline = getPreset('baseline')!;

describe('rangeValues', () => {
  it('spaces a linear range evenly, ends included, without float dust', () => {
    expect(rangeValues({ from: 0, to: 1, steps: 11, log: false }, false)).toEqual({
      ok: true,
      value: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
    });
    expect(rangeValues({ from: 10, to: 0, steps: 3, log: false }, false)).toEqual({
      ok: true,
      value: [10, 5, 0],
    });
  });

  it('spaces a log range by a constant ratio', () => {
    expect(rangeValues({ from: 100, to: 100_000, steps: 4, log: true }, false)).toEqual({
      ok: true,
      value: [100, 1000, 10_000, 100_000],
    });
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.integer({ min: 3, max: SWEEP_LIMITS.maxValues }),
        (from, to, steps) => {
          fc.pre(Math.abs(Math.log(to / from)) > 1e-3);
          const r = rangeValues({ from, to, steps, log: true }, false);
          if (!r.ok) throw new Error(r.message);
          const v = r.value;
          expect(v).toHaveLength(steps);
          expect(v[0]).toBe(from);
          expect(v[steps - 1]).toBe(to);
          // Every ratio between neighbours is the same: (to / from)^(1 / (steps - 1)).
          const ratio = (to / from) ** (1 / (steps - 1));
          for (let i = 1; i < steps; i++) expect(v[i]! / v[i - 1]!).toBeCloseTo(ratio, 6);
        },
      ),
    );
  });

  it('rounds an integer field and drops the values rounding repeats', () => {
    expect(rangeValues({ from: 1, to: 4, steps: 10, log: true }, true)).toEqual({
      ok: true,
      value: [1, 2, 3, 4],
    });
    expect(rangeValues({ from: 1, to: 32, steps: 6, log: true }, true)).toEqual({
      ok: true,
      value: [1, 2, 4, 8, 16, 32],
    });
  });

  it.each([
    [{ from: 1, to: 10, steps: 1, log: false }, 'got 1 steps, expected an integer from 2 to 50'],
    [{ from: 1, to: 10, steps: 51, log: false }, 'got 51 steps, expected an integer from 2 to 50'],
    [{ from: 1, to: 10, steps: 2.5, log: false }, 'got 2.5 steps'],
    [{ from: 0, to: 10, steps: 5, log: true }, 'a log range needs a start and end above 0 (got 0 to 10)'],
    [{ from: 5, to: 5, steps: 5, log: false }, 'the range starts and ends at 5'],
    [{ from: NaN, to: 5, steps: 5, log: false }, 'the range needs a finite start and end'],
  ])('refuses %j', (range, message) => {
    const r = rangeValues(range, false);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toContain(message);
  });
});

describe('sweepSeeds', () => {
  it('starts at the scenario seed and steps by the golden-ratio increment, mod 2^32', () => {
    expect(sweepSeeds(42, 1)).toEqual([42]);
    expect(sweepSeeds(42, 3)).toEqual([42, 42 + SEED_STEP, (42 + 2 * SEED_STEP) % 2 ** 32]);
    const seeds = sweepSeeds(2 ** 32 - 1, 5);
    for (const s of seeds) {
      expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
    }
    expect(new Set(seeds).size).toBe(5);
    // Every seed is one the scenario accepts.
    for (const seed of seeds) expect(parseScenario({ version: 1, seed }).ok).toBe(true);
  });
});

describe('sweepParam', () => {
  it('accepts numeric fields, with the schema range and integer-ness', () => {
    expect(sweepParam('cache.l2.ttlMs', baseline)).toEqual({
      ok: true,
      param: { path: 'cache.l2.ttlMs', min: 1, max: 86_400_000, integer: false },
    });
    expect(sweepParam('topology.instances', baseline)).toMatchObject({ ok: true, param: { integer: true } });
    expect(sweepParam('workload.hotKey.share', baseline)).toMatchObject({ ok: true });
    const phases = parseScenario({ version: 1, workload: { phases: [{ atMs: 0, rps: 10 }] } });
    if (!phases.ok) throw new Error('bad test scenario');
    expect(sweepParam('workload.phases.0.rps', phases.scenario)).toMatchObject({
      ok: true,
      param: { path: 'workload.phases[0].rps' },
    });
  });

  it.each([
    ['cache.l2.ttl', 'cache.l2.ttl is not a scenario field; did you mean cache.l2.ttlMs?'],
    ['cache.strategy', 'cache.strategy is not a numeric field (it takes one of none, cache-aside'],
    ['cache.l1.enabled', 'cache.l1.enabled is not a numeric field (it takes true or false)'],
    ['seed', 'seed cannot be swept'],
    ['', 'expected the dotted path of a numeric field'],
    ['workload.phases[0].rps', 'workload.phases[0] does not exist (workload.phases has 0 entries)'],
  ])('refuses %j', (path, message) => {
    const r = sweepParam(path, baseline);
    expect(r.ok ? '' : r.message).toContain(message);
  });
});

describe('planSweep', () => {
  it('plans one point per value and seed, each a valid scenario carrying its value and seed', () => {
    const r = planSweep(baseline, { param: 'cache.l2.ttlMs', values: [1000, 60_000], seeds: 2 });
    if (!r.ok) throw new Error(r.message);
    const { points, seeds } = r.value;
    expect(seeds).toEqual(sweepSeeds(42, 2));
    expect(points.map((p) => [p.index, p.value, p.seed])).toEqual([
      [0, 1000, seeds[0]],
      [1, 1000, seeds[1]],
      [2, 60_000, seeds[0]],
      [3, 60_000, seeds[1]],
    ]);
    for (const p of points) {
      expect(p.scenario.cache.l2.ttlMs).toBe(p.value);
      expect(p.scenario.seed).toBe(p.seed);
      expect(parseScenario(p.scenario)).toEqual({ ok: true, scenario: p.scenario });
      // Nothing else moved.
      expect({ ...p.scenario, seed: 0, cache: { ...p.scenario.cache, l2: {} } }).toEqual({
        ...baseline,
        seed: 0,
        cache: { ...baseline.cache, l2: {} },
      });
    }
  });

  it('overrides the duration, fills a nulled parent with its defaults, and drops live changes of the swept field', () => {
    const withChanges = {
      ...baseline,
      changes: [
        { atMs: 5000, path: 'cache.l2.ttlMs', value: 1 },
        { atMs: 6000, path: 'workload.rps', value: 10 },
      ],
    };
    const r = planSweep(withChanges, { param: 'cache.l2.ttlMs', values: [500], seeds: 1, durationMs: 9000 });
    if (!r.ok) throw new Error(r.message);
    expect(r.value.points[0]!.scenario.durationMs).toBe(9000);
    expect(r.value.points[0]!.scenario.changes).toEqual([{ atMs: 6000, path: 'workload.rps', value: 10 }]);
    const hot = planSweep(baseline, { param: 'workload.hotKey.share', values: [0.25], seeds: 1 });
    if (!hot.ok) throw new Error(hot.message);
    expect(hot.value.points[0]!.scenario.workload.hotKey).toEqual({ share: 0.25 });
  });

  it.each([
    [{ values: [-5] }, 'cache.l2.ttlMs: got -5, expected a number >= 1'],
    [{ values: [] }, 'got 0 values, expected 1 to 50'],
    [{ values: Array.from({ length: 51 }, (_, i) => i + 1) }, 'got 51 values'],
    [{ values: [5, 5] }, 'the value 5 is given twice'],
    [{ seeds: 0 }, 'got 0 seeds, expected an integer from 1 to 5'],
    [{ seeds: 6 }, 'got 6 seeds'],
    [{ durationMs: -1 }, 'durationMs: got -1'],
    [{ param: 'durationMs', durationMs: 5 }, 'durationMs is the swept field'],
    [{ param: 'topology.instances', values: [2.5] }, 'topology.instances: got 2.5, expected an integer'],
  ])('refuses %j with the field named', (change, message) => {
    const r = planSweep(baseline, { param: 'cache.l2.ttlMs', values: [1000], seeds: 1, ...change });
    expect(r.ok ? '' : r.message).toContain(message);
  });
});
