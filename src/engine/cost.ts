import { applyValidChanges } from '../scenario/validChanges.ts';
import { COST_PARTS } from './costParts.ts';
import { eventsPerSecond, keyState, warmUpEvents } from './costRates.ts';
import type { Change, Scenario } from './types.ts';

/**
 * What a scenario will cost to run, estimated before running it: engine events per simulated second
 * from the request rate, the hops each request makes and the mechanisms that are on (costRates.ts), plus
 * the set-up work for the key tables and the warm-up. A scenario with live changes is estimated as it
 * stands after each change, for the time that change is in force, so a change cannot hide a heavy run.
 * Within a factor of 2 of the measured events on every preset and on generated scenarios with changes
 * (test/engine/cost.test.ts, test/fuzz/cost.test.ts). Pure and fast: arithmetic over buckets of keys,
 * no simulation.
 */
export interface CostEstimate {
  /** Engine events per second of simulated time, averaged over the run. */
  eventsPerSimSecond: number;
  /** Events of the whole run. */
  events: number;
  /** Key operations before the first event: key tables, popularity tables, warm-up, CDN tables. */
  setupKeys: number;
  /** Events plus set-up, in event equivalents (a key of set-up costs about what an event does). */
  work: number;
  /**
   * Bytes of per-key state the run keeps (database rows, Redis entries of a warm-up, CDN tables), the
   * most any of its configurations needs: what a snapshot for seeking copies, so what makes a big key
   * space slow to scrub in the app.
   */
  stateBytes: number;
  /** More than `COST_BUDGET`: the app asks before running it, the CLI wants `--force`. */
  overBudget: boolean;
}

/** Work above which a run is worth a question: about a minute of wall time on a 2-core machine. */
export const COST_BUDGET = 300_000_000;

/** The request rate from each time on: the workload's, then each phase's and each change of the rate. */
function rateSteps(s: Scenario): { atMs: number; rps: number }[] {
  const steps = [{ atMs: 0, rps: s.workload.rps }, ...s.workload.phases];
  // A change at a phase's time comes after it (changes act after the events at their time).
  for (const c of s.changes)
    if (c.path === 'workload.rps') steps.push({ atMs: c.atMs, rps: c.value as number });
  return steps.map((x, i) => ({ ...x, i })).sort((a, b) => a.atMs - b.atMs || a.i - b.i);
}

/**
 * Requests from time 0 to any time, from the rate's steps: each step's start with the requests before it,
 * so a stretch's mean rate is two look-ups (a run with thousands of rate changes stays linear).
 */
function requestsUpTo(steps: readonly { atMs: number; rps: number }[]): (t: number) => number {
  const before: number[] = [];
  let total = 0;
  steps.forEach((x, i) => {
    before.push(total);
    const next = steps[i + 1]?.atMs;
    if (next !== undefined) total += x.rps * (next - x.atMs);
  });
  return (t) => {
    // The last step starting at or before t (the first starts at 0).
    let lo = 0;
    let hi = steps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (steps[mid]!.atMs <= t) lo = mid;
      else hi = mid - 1;
    }
    return before[lo]! + steps[lo]!.rps * (t - steps[lo]!.atMs);
  };
}

/**
 * Estimates the cost of running `scenario`, its live changes included. With `fromMs`, only the rest of
 * the run from that time is counted (events, and the set-up as the scenario stands then): what a live
 * change made at `fromMs` adds to a run that has already done its work up to there.
 *
 * @example
 * const cost = estimateCost(getPreset('baseline'));
 * if (cost.overBudget) console.log(`about ${cost.events} events: ask first`);
 */
export function estimateCost(scenario: Scenario, fromMs = 0): CostEstimate {
  const duration = scenario.durationMs;
  const requests = requestsUpTo(rateSteps(scenario));
  const meanRps = (from: number, to: number) => (requests(to) - requests(from)) / (to - from);
  // Stretches of the run between changes, each with the scenario as it stands then; the changes up to
  // `fromMs` all at once. The state is kept without its list of changes, which each step would copy.
  const done = scenario.changes.filter((c) => c.atMs <= fromMs && fromMs > 0);
  const changes = scenario.changes.filter((c) => c.atMs < duration && !(c.atMs <= fromMs && fromMs > 0));
  let state: Scenario = { ...scenario, changes: [] };
  if (done.length > 0) state = applyValidChanges(state, done);
  let from = Math.min(fromMs, duration);
  let events = 0;
  let { setupKeys, stateBytes } = keyState(state);
  // Redis comes back empty at these times (a mechanism's restarts), and a warm-up may follow.
  const refills: number[] = [];
  for (const part of COST_PARTS) if (part.redisEmptiedAt) refills.push(...part.redisEmptiedAt(scenario));
  const stretch = (to: number) => {
    if (to <= from) return;
    events += (eventsPerSecond(state, meanRps(from, to), { from, to }) * (to - from)) / 1000;
    for (const at of refills) if (at >= from && at < to) events += warmUpEvents(state, at, duration);
    from = to;
  };
  for (let i = 0; i < changes.length;) {
    const at = changes[i]!.atMs;
    const now: Change[] = [];
    while (i < changes.length && changes[i]!.atMs === at) now.push(changes[i++]!);
    stretch(at);
    state = applyValidChanges(state, now);
    const k = keyState(state);
    // Warming more keys after a restart, for one: the largest state any configuration needs.
    setupKeys = Math.max(setupKeys, k.setupKeys);
    stateBytes = Math.max(stateBytes, k.stateBytes);
  }
  stretch(duration);
  const work = events + setupKeys;
  return {
    eventsPerSimSecond: duration > fromMs ? (events * 1000) / (duration - fromMs) : 0,
    events,
    setupKeys,
    work,
    stateBytes,
    overBudget: work > COST_BUDGET,
  };
}
