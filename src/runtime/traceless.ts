import type { Scenario } from '../engine/types.ts';

/**
 * A scenario the app can run: one that names a trace (`workload.trace`) arrives in a link, a file, an
 * embed or a reloaded page without the trace's requests, which never leave the browser they were
 * opened in, and only the engine that was handed them holds them. Unless it names `held` (the trace
 * the app's engine holds, replayed with "Replay this trace"), it runs on its own generated workload
 * instead, and `notice` says so, never silently; null when the scenario names no trace or the held one.
 *
 * @example
 * const { scenario, notice } = withoutTrace(loaded, heldTraceName);
 */
export function withoutTrace(
  scenario: Scenario,
  held: string | null = null,
): { scenario: Scenario; notice: string | null } {
  const trace = scenario.workload.trace;
  if (trace === null || trace.name === held) return { scenario, notice: null };
  const name = trace.name.trim().slice(0, 80) || 'without a name';
  return {
    scenario: { ...scenario, workload: { ...scenario.workload, trace: null } },
    notice:
      `"${scenario.title.slice(0, 80)}" replays the trace "${name}", which this page does not have ` +
      '(a trace is never put into links or files): it runs on its generated workload instead. ' +
      'To replay the trace, open it again: Open trace, then Replay this trace ' +
      '(or npm run sim -- --trace <file>).',
  };
}
