import { estimateCost } from '../../engine/index.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { formatValue } from '../format.ts';
import { planSweep, rangeValues, type Checked, type SweepPlan } from '../../sweep/plan.ts';
import type { SweepForm } from '../../store/sweepSlice.ts';
import {
  DEFAULT_METRICS,
  DEFAULT_SEEDS,
  DEFAULT_SWEEP_FIELD,
  defaultRange,
  sweepFields,
  type SweepField,
} from './sweepFields.ts';

/** The Sweep tab's form as data: its defaults, a change of field, and the plan it asks for. */

/** The form with `field` picked: its range reset to that field's default on this scenario. */
export function formForField(
  form: Omit<SweepForm, 'path' | 'from' | 'to' | 'steps' | 'log'>,
  field: SweepField,
  scenario: Scenario,
): SweepForm {
  return { ...form, path: field.path, ...defaultRange(field, scenario) };
}

/**
 * Ready to run: the L2 TTL over its useful range on this scenario, 3 seeds, the run's own length, and
 * the figures of the TTL trade-off (L2 hit ratio, stale reads, database reads/s).
 */
export function defaultForm(scenario: Scenario): SweepForm {
  const fields = sweepFields(scenario);
  const field = fields.find((f) => f.path === DEFAULT_SWEEP_FIELD) ?? fields[0]!;
  return formForField(
    { seeds: DEFAULT_SEEDS, durationMs: scenario.durationMs, metrics: [...DEFAULT_METRICS] },
    field,
    scenario,
  );
}

/**
 * The runs the form asks for on `scenario`, or what is wrong, in words that name the form's control.
 *
 * @example planFromForm(defaultForm(baseline), baseline) // { ok: true, value: { points: 24 runs, ... } }
 */
export function planFromForm(form: SweepForm, scenario: Scenario): Checked<SweepPlan> {
  const field = sweepFields(scenario).find((f) => f.path === form.path);
  if (!field) return { ok: false, message: `${form.path} is not a numeric field of this scenario` };
  if (form.metrics.length === 0) return { ok: false, message: 'Metrics: pick at least one figure to plot' };
  const range = rangeValues(
    { from: form.from, to: form.to, steps: form.steps, log: form.log },
    field.def.integer === true,
  );
  if (!range.ok) return { ok: false, message: `Range: ${range.message}` };
  const spec = { param: form.path, values: range.value, seeds: form.seeds };
  // Sweeping the run's length itself, each point's length is its value.
  const plan = planSweep(
    scenario,
    form.path === 'durationMs' ? spec : { ...spec, durationMs: form.durationMs },
  );
  if (!plan.ok) return plan;
  // The engine workers refuse a run above the cost budget, as the app does before a heavy scenario: say
  // so here, before anything starts (the seeds of one value cost the same, so its first seed stands in).
  const first = plan.value.seeds[0];
  const heavy = plan.value.points.find((p) => p.seed === first && estimateCost(p.scenario).overBudget);
  if (heavy) {
    return {
      ok: false,
      message:
        `The run at ${field.label} = ${formatValue(field.def.unit ?? 'none', heavy.value)} is estimated ` +
        'above the cost budget (about a minute of work on a 2-core laptop): shorten the run length or the range',
    };
  }
  return plan;
}
