import type { HeadlineId } from '../../report/headline.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { SweepRange } from '../../sweep/plan.ts';
import { getPath } from '../config/draftPath.ts';
import { FIELDS, labelFor, LISTS, type FieldDef } from '../config/fields.ts';

/**
 * What the Sweep tab offers: the config panel's numeric fields (list rows included, as the scenario
 * has them), and a ready default for each, so "Run sweep" works before anyone touches the form.
 */

export interface SweepField {
  /** The config panel's path (`cache.l2.ttlMs`, `workload.phases.0.rps`). */
  path: string;
  /** The panel's accessible name for it ("L2 TTL", "Phase 1 requests per second"). */
  label: string;
  def: FieldDef;
}

/** The seed is what seeds vary; the others are numbers no sweep reads as a setting. */
const NOT_SWEPT = new Set(['seed', 'failures.*.target']);

/**
 * The numeric fields of the config panel, in its order; list fields once per row the scenario has.
 *
 * @example sweepFields(scenario)[0] // { path: 'durationMs', label: 'Duration', def }
 */
export function sweepFields(scenario: Scenario): SweepField[] {
  const numeric = (def: FieldDef) => def.kind === 'number' && !NOT_SWEPT.has(def.path);
  const top = FIELDS.filter(numeric).map((def) => ({ path: def.path, label: labelFor(def.path), def }));
  const rows = LISTS.flatMap((list) => {
    const items = getPath(scenario, list.path);
    const count = Array.isArray(items) ? items.length : 0;
    return Array.from({ length: count }, (_, i) =>
      list.fields.filter(numeric).map((def) => {
        const path = def.path.replace('*', String(i));
        return { path, label: labelFor(path), def };
      }),
    ).flat();
  });
  return [...top, ...rows];
}

export const DEFAULT_SWEEP_FIELD = 'cache.l2.ttlMs';
export const DEFAULT_METRICS: readonly HeadlineId[] = ['l2HitRatio', 'staleReads', 'dbReadsPerSec'];
export const DEFAULT_STEPS = 8;
export const DEFAULT_SEEDS = 3;

const clamp = (v: number, def: FieldDef): number =>
  Math.min(def.max ?? Infinity, Math.max(def.sliderMin ?? def.min ?? -Infinity, v));
const round3 = (v: number): number => Number(v.toPrecision(3));

/**
 * A useful range for a field on this scenario. Times run from a six-hundredth of the run to the run's
 * length (a TTL longer than the run never expires within it: 100 ms to 60 s for a one-minute run);
 * other log-scaled fields a decade either side of their current value; linear fields their whole range
 * when it is bounded, else 0 to twice the current value.
 *
 * @example defaultRange(l2TtlField, baseline) // { from: 100, to: 60000, steps: 8, log: true }
 */
export function defaultRange(field: SweepField, scenario: Scenario): SweepRange {
  const { def } = field;
  const current = getPath(scenario, field.path);
  const value = typeof current === 'number' ? current : null;
  let from: number;
  let to: number;
  if (def.unit === 'ms' && def.log) {
    from = clamp(scenario.durationMs / 600, def);
    to = clamp(scenario.durationMs, def);
  } else if (def.log) {
    const centre = value !== null && value > 0 ? value : (def.sliderMin ?? def.min ?? 1);
    from = clamp(centre / 10, def);
    to = clamp(centre * 10, def);
  } else if (def.min !== undefined && def.max !== undefined) {
    from = def.min;
    to = def.max;
  } else {
    from = def.min ?? 0;
    to = Math.max(from + 1, 2 * (value ?? 1));
  }
  from = round3(from);
  to = round3(to);
  const log = def.log === true && from > 0;
  const span = def.integer ? Math.floor(to - from) + 1 : Infinity;
  return { from, to, steps: Math.max(2, Math.min(DEFAULT_STEPS, span)), log };
}
