import { getPreset } from '../../src/scenario/presets/index.ts';
import { planSweep } from '../../src/sweep/plan.ts';

/**
 * The sweep the runtime tests run: stampede's database read time at three values, two seeds, runs of
 * `durationMs`; its plan and what the tab would show of it.
 */
export function stampedeSweep(durationMs: number) {
  const base = getPreset('stampede')!;
  const r = planSweep(base, { param: 'database.readMs', values: [20, 60, 100], seeds: 2, durationMs });
  if (!r.ok) throw new Error(r.message);
  const meta = { base, label: 'DB read time', log: false, durationMs, metrics: ['dbReadsPerSec' as const] };
  return { base, plan: r.value, meta };
}
