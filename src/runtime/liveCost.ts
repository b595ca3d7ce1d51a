import { COST_BUDGET, estimateCost, type CostEstimate } from '../engine/cost.ts';
import type { Scenario } from '../scenario/schema.ts';

/**
 * The cost budget for live changes: a slider in the running app is held to the budget a loaded scenario
 * is. What the run has done is known (its events so far); the rest is estimated from the current time,
 * with the scenario as it stands then, the change made, and the changes already set for later.
 */

/** `changes` with one more at `nowMs`, after those at or before it, as the engine inserts it. */
function withChange(s: Scenario, nowMs: number, path: string, value: unknown): Scenario {
  const at = s.changes.filter((c) => c.atMs <= nowMs).length;
  const changes = [...s.changes.slice(0, at), { atMs: nowMs, path, value }, ...s.changes.slice(at)];
  return { ...s, changes };
}

/** The whole run's cost: the events done by `nowMs` and the estimate of the rest. */
function wholeRun(s: Scenario, nowMs: number, eventsSoFar: number): CostEstimate {
  const rest = estimateCost(s, nowMs);
  const events = eventsSoFar + rest.events;
  const work = events + rest.setupKeys;
  return { ...rest, events, work, overBudget: work > COST_BUDGET };
}

/**
 * The estimate to ask about when changing `path` to `value` at `nowMs` (the run having counted
 * `eventsSoFar` events) would take the run past the budget; null when it stays within it, or when the
 * run was past it already (the user said yes to that once).
 *
 * @example
 * liveChangeCost(applied, 1000, 5000, 'workload.rps', 1e7)?.work // about 2 billion: ask first
 */
export function liveChangeCost(
  applied: Scenario,
  nowMs: number,
  eventsSoFar: number,
  path: string,
  value: unknown,
): CostEstimate | null {
  const after = wholeRun(withChange(applied, nowMs, path, value), nowMs, eventsSoFar);
  if (!after.overBudget) return null;
  return wholeRun(applied, nowMs, eventsSoFar).overBudget ? null : after;
}
