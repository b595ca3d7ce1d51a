import type { Scenario } from '../engine/types.ts';

/**
 * A scenario the app can run: one that names a trace (`workload.trace`, read from a file by the CLI)
 * arrives in a link, a file or an embed without the trace's requests, which never leave the browser
 * they were opened in. It runs on its own generated workload instead, and `notice` says so; null
 * when the scenario names no trace.
 *
 * @example
 * const { scenario, notice } = withoutTrace(loaded);
 */
export function withoutTrace(scenario: Scenario): { scenario: Scenario; notice: string | null } {
  const trace = scenario.workload.trace;
  if (trace === null) return { scenario, notice: null };
  const name = trace.name.trim().slice(0, 80) || 'without a name';
  return {
    scenario: { ...scenario, workload: { ...scenario.workload, trace: null } },
    notice:
      `"${scenario.title.slice(0, 80)}" replays the trace "${name}", which this page does not have ` +
      '(a trace is never put into links or files): it runs on its generated workload instead. ' +
      'Replay the trace with npm run sim -- --trace <file>.',
  };
}
