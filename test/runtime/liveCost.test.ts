import { describe, expect, it } from 'vitest';
import { COST_BUDGET, estimateCost } from '../../src/engine/cost.ts';
import { liveChangeCost } from '../../src/runtime/liveCost.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';

/** An hour at 100 requests a second: well within the budget until its rate is raised. */
const hour = scenarioSchema.parse({ version: 1, durationMs: 3_600_000, workload: { rps: 100 } });

describe('the cost budget for live changes', () => {
  it('lets a light change through and asks about one that takes the run past the budget', () => {
    expect(estimateCost(hour).overBudget).toBe(false);
    expect(liveChangeCost(hour, 1000, 5000, 'workload.rps', 300)).toBeNull();
    const heavy = liveChangeCost(hour, 1000, 5000, 'workload.rps', 10_000_000);
    expect(heavy?.overBudget).toBe(true);
    expect(heavy!.work).toBeGreaterThan(COST_BUDGET);
    // The same rate from the start, less the second already run at 100 a second: about the same.
    const whole = estimateCost({ ...hour, workload: { ...hour.workload, rps: 10_000_000 } });
    expect(heavy!.events / whole.events).toBeGreaterThan(0.99);
    expect(heavy!.events / whole.events).toBeLessThan(1.01);
  });

  it('counts the events already run, and the time left: late in the run the same change is light', () => {
    const late = liveChangeCost(hour, 3_599_000, 1e6, 'workload.rps', 10_000_000);
    expect(late).toBeNull();
  });

  it('keeps changes already set for later, and does not ask again of a run already past the budget', () => {
    const withLater = {
      ...hour,
      changes: [{ atMs: 2_000_000, path: 'workload.rps', value: 10_000_000 }],
    };
    expect(estimateCost(withLater).overBudget).toBe(true);
    expect(liveChangeCost(withLater, 1000, 5000, 'cache.l2.ttlMs', 1000)).toBeNull();
    // A change before the heavy one that brings the rate down for a while is no question either.
    expect(liveChangeCost(withLater, 1000, 5000, 'workload.rps', 10)).toBeNull();
  });
});
