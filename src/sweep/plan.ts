import type { Scenario } from '../scenario/schema.ts';
import { withFieldValue } from '../scenario/validate.ts';
import { sweepParam, type SweepParam } from './param.ts';

/**
 * Sweep planning: the values a range gives, the seeds each value runs on, and the list of runs (points)
 * with their scenarios. Pure, so the CLI, the benchmark and the Sweep tab plan exactly the same runs.
 */

export const SWEEP_LIMITS = { minSteps: 2, maxValues: 50, maxSeeds: 5 } as const;

/**
 * Seeds 2..N of a sweep step through the 32-bit seed space by 2^32 / φ (0x9E3779B9, the golden-ratio
 * increment), starting from the scenario's own seed: seed k = (seed + (k - 1) * 0x9E3779B9) mod 2^32.
 * Seed 1 is the scenario's seed, so a one-seed sweep runs the scenario as it is, and the seeds of
 * neighbouring scenario seeds do not overlap.
 */
export const SEED_STEP = 0x9e3779b9;

/** The seeds of an `count`-seed sweep of a scenario whose seed is `seed` (see `SEED_STEP`). */
export function sweepSeeds(seed: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => (seed + k * SEED_STEP) % 2 ** 32);
}

export interface SweepRange {
  from: number;
  to: number;
  /** How many values, ends included. */
  steps: number;
  /** Evenly spaced on a log scale (each value the previous times a constant) instead of linearly. */
  log: boolean;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** Rounding away float dust (0.1 * 3 = 0.30000000000000004) so values read and compare as written. */
const clean = (v: number): number => Number(v.toPrecision(12));

/**
 * The values of a range, ends included; for an integer field they are rounded and repeated values
 * dropped (a log range 1..4 in 10 steps gives 1, 2, 3, 4). Never throws.
 *
 * @example rangeValues({ from: 100, to: 100_000, steps: 4, log: true }, false)
 * // { ok: true, value: [100, 1000, 10000, 100000] }
 */
export function rangeValues(range: SweepRange, integer: boolean): Checked<number[]> {
  const { from, to, steps, log } = range;
  const { minSteps, maxValues } = SWEEP_LIMITS;
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    return { ok: false, message: 'the range needs a finite start and end' };
  }
  if (!Number.isInteger(steps) || steps < minSteps || steps > maxValues) {
    return { ok: false, message: `got ${steps} steps, expected an integer from ${minSteps} to ${maxValues}` };
  }
  if (from === to) return { ok: false, message: `the range starts and ends at ${from}` };
  if (log && (from <= 0 || to <= 0)) {
    return { ok: false, message: `a log range needs a start and end above 0 (got ${from} to ${to})` };
  }
  const at = (i: number): number => {
    const t = i / (steps - 1);
    return log ? from * (to / from) ** t : from + (to - from) * t;
  };
  // The ends exactly as given; the values between rounded to 12 significant digits.
  const exact = (i: number): number => (i === 0 ? from : i === steps - 1 ? to : clean(at(i)));
  const values = Array.from({ length: steps }, (_, i) => (integer ? Math.round(exact(i)) : exact(i)));
  return { ok: true, value: [...new Set(values)] };
}

/** One run of a sweep: a value of the parameter on one seed, and the scenario that runs it. */
export interface SweepPoint {
  /** Position in the plan (values in order, the seeds of each value together). */
  index: number;
  value: number;
  seed: number;
  /** The base scenario with the parameter, the seed (and the duration, when overridden) set. */
  scenario: Scenario;
}

export interface SweepSpec {
  param: string;
  values: readonly number[];
  seeds: number;
  /** Overrides every point's duration, as `npm run sim -- --duration-ms` does. */
  durationMs?: number;
}

export interface SweepPlan {
  param: SweepParam;
  values: number[];
  seeds: number[];
  points: SweepPoint[];
}

/**
 * Plans a sweep of `base`: one point per value and seed, each scenario validated, so a value out of the
 * field's range is refused before anything runs, with the schema's own words. A live change of the
 * swept field is left out of the points' scenarios: a sweep sets that field for the whole run.
 *
 * @example
 * const plan = planSweep(getPreset('baseline')!, { param: 'cache.l2.ttlMs', values: [1000, 60_000], seeds: 2 });
 * plan.ok && plan.value.points.length // 4
 */
export function planSweep(base: Scenario, spec: SweepSpec): Checked<SweepPlan> {
  const checked = sweepParam(spec.param, base);
  if (!checked.ok) return checked;
  const { param } = checked;
  const { maxValues, maxSeeds } = SWEEP_LIMITS;
  if (spec.values.length === 0 || spec.values.length > maxValues) {
    return { ok: false, message: `got ${spec.values.length} values, expected 1 to ${maxValues}` };
  }
  const repeated = spec.values.find((v, i) => spec.values.indexOf(v) !== i);
  if (repeated !== undefined) return { ok: false, message: `the value ${repeated} is given twice` };
  if (!Number.isInteger(spec.seeds) || spec.seeds < 1 || spec.seeds > maxSeeds) {
    return { ok: false, message: `got ${spec.seeds} seeds, expected an integer from 1 to ${maxSeeds}` };
  }
  if (spec.durationMs !== undefined && param.path === 'durationMs') {
    return { ok: false, message: 'durationMs is the swept field; it cannot also be overridden' };
  }
  let start: Scenario = { ...base, changes: base.changes.filter((c) => c.path !== param.path) };
  if (spec.durationMs !== undefined) {
    const withDuration = withFieldValue(start, 'durationMs', spec.durationMs);
    if (!withDuration.ok) return { ok: false, message: withDuration.errors[0]!.message };
    start = withDuration.scenario;
  }
  const seeds = sweepSeeds(base.seed, spec.seeds);
  const points: SweepPoint[] = [];
  for (const value of spec.values) {
    const parsed = withFieldValue(start, param.path, value);
    if (!parsed.ok) return { ok: false, message: parsed.errors[0]!.message };
    for (const seed of seeds) {
      points.push({ index: points.length, value, seed, scenario: { ...parsed.scenario, seed } });
    }
  }
  return { ok: true, value: { param, values: [...spec.values], seeds, points } };
}
