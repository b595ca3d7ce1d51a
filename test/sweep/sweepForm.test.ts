import { describe, expect, it } from 'vitest';
import { defaultForm, formForField, planFromForm } from '../../src/components/sweep/sweepForm.ts';
import { defaultRange, sweepFields } from '../../src/components/sweep/sweepFields.ts';
import { estimateCost } from '../../src/engine/index.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { parseScenario } from '../../src/scenario/validate.ts';
import { sweepParam } from '../../src/sweep/param.ts';

const baseline = getPreset('baseline')!;
const field = (path: string, scenario = baseline) => sweepFields(scenario).find((f) => f.path === path)!;

describe('sweepFields', () => {
  it('offers the numeric fields of the config panel, list rows as the scenario has them', () => {
    const paths = sweepFields(baseline).map((f) => f.path);
    expect(paths).toContain('cache.l2.ttlMs');
    expect(paths).toContain('workload.rps');
    expect(paths).toContain('topology.instances');
    expect(paths).not.toContain('seed');
    expect(paths).not.toContain('cache.strategy');
    expect(paths.some((p) => p.startsWith('workload.phases'))).toBe(false);
    const spike = getPreset('stampede')!;
    const withPhases = parseScenario({
      ...spike,
      workload: {
        ...spike.workload,
        phases: [
          { atMs: 0, rps: 5 },
          { atMs: 9, rps: 7 },
        ],
      },
    });
    if (!withPhases.ok) throw new Error('bad test scenario');
    const rows = sweepFields(withPhases.scenario).filter((f) => f.path.startsWith('workload.phases'));
    expect(rows.map((f) => [f.path, f.label])).toEqual([
      ['workload.phases.0.atMs', 'Phase 1 start'],
      ['workload.phases.0.rps', 'Phase 1 requests per second'],
      ['workload.phases.1.atMs', 'Phase 2 start'],
      ['workload.phases.1.rps', 'Phase 2 requests per second'],
    ]);
    // Every field offered is one the sweep planner accepts.
    for (const f of sweepFields(withPhases.scenario))
      expect(sweepParam(f.path, withPhases.scenario).ok).toBe(true);
  });
});

describe('defaultRange', () => {
  it('runs a TTL from a six-hundredth of the run to its length, on a log scale', () => {
    expect(defaultRange(field('cache.l2.ttlMs'), baseline)).toEqual({
      from: 100,
      to: 60_000,
      steps: 8,
      log: true,
    });
    const stampede = getPreset('stampede')!;
    expect(defaultRange(field('cache.l2.ttlMs', stampede), stampede)).toEqual({
      from: 50,
      to: 30_000,
      steps: 8,
      log: true,
    });
  });

  it('takes a decade either side of a log field, a linear field its whole range, integers no more steps than values', () => {
    expect(defaultRange(field('workload.rps'), baseline)).toEqual({
      from: 100,
      to: 10_000,
      steps: 8,
      log: true,
    });
    expect(defaultRange(field('workload.readRatio'), baseline)).toEqual({
      from: 0,
      to: 1,
      steps: 8,
      log: false,
    });
    // Shards are a log field since the cap is 128: a decade either side of the baseline's count.
    const shards = baseline.topology.redisShards;
    expect(defaultRange(field('topology.redisShards'), baseline)).toEqual({
      from: Math.max(1, shards / 10),
      to: shards * 10,
      steps: 8,
      log: true,
    });
    expect(defaultRange(field('cache.l2.maxMemorySamples'), baseline)).toMatchObject({ from: 1, to: 64 });
    const instances = defaultRange(field('topology.instances'), baseline);
    expect(instances).toEqual({ from: 1, to: 32, steps: 8, log: false });
  });

  it('gives a range the planner accepts for every field offered', () => {
    const form = defaultForm(baseline);
    for (const f of sweepFields(baseline)) {
      const plan = planFromForm(formForField(form, f, baseline), baseline);
      expect(plan.ok ? '' : `${f.path}: ${plan.message}`).toBe('');
    }
  });
});

describe('the form', () => {
  it('is ready to run: the L2 TTL, 3 seeds, the run length, the TTL trade-off figures', () => {
    const form = defaultForm(baseline);
    expect(form).toEqual({
      path: 'cache.l2.ttlMs',
      from: 100,
      to: 60_000,
      steps: 8,
      log: true,
      seeds: 3,
      durationMs: 60_000,
      metrics: ['l2HitRatio', 'staleReads', 'dbReadsPerSec'],
    });
    const plan = planFromForm(form, baseline);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value.points).toHaveLength(24);
    expect(plan.value.values[0]).toBe(100);
  });

  it('refuses, before anything runs, a point the engine workers would refuse as too costly', () => {
    const form = defaultForm(baseline);
    const rps = sweepFields(baseline).find((f) => f.path === 'workload.rps')!;
    const heavy = { ...formForField(form, rps, baseline), from: 1000, to: 10_000_000, steps: 5, log: true };
    const plan = planFromForm(heavy, baseline);
    const heaviest = { ...baseline, workload: { ...baseline.workload, rps: 10_000_000 } };
    expect(estimateCost({ ...heaviest, durationMs: form.durationMs }).overBudget).toBe(true);
    expect(plan).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The run at Requests per second = .* cost budget/),
    });
    expect(planFromForm({ ...heavy, to: 100_000 }, baseline).ok).toBe(true);
  });

  it('says what is wrong, naming the control or the field', () => {
    const form = defaultForm(baseline);
    expect(planFromForm({ ...form, steps: 60 }, baseline)).toEqual({
      ok: false,
      message: 'Range: got 60 steps, expected an integer from 2 to 50',
    });
    expect(planFromForm({ ...form, metrics: [] }, baseline)).toMatchObject({
      ok: false,
      message: expect.stringContaining('Metrics:'),
    });
    expect(planFromForm({ ...form, from: -5, log: false }, baseline)).toMatchObject({
      ok: false,
      message: expect.stringContaining('cache.l2.ttlMs: got -5'),
    });
    expect(planFromForm({ ...form, seeds: 9 }, baseline)).toMatchObject({
      ok: false,
      message: expect.stringContaining('got 9 seeds'),
    });
  });
});
