import { createSimulation, summariesAt } from '../engine/index.ts';
import type { WorkloadRequests } from '../engine/flow/types.ts';
import type { Scenario } from '../engine/types.ts';
import { estimateCost } from '../engine/cost.ts';
import { EngineRun } from './engineRun.ts';
import { readValidatedScenario, type ScenarioReader } from './scenarioGuard.ts';
import {
  PROTOCOL_VERSION,
  readCommand,
  type EngineEvent,
  type EventMessage,
  type RunId,
} from './protocol.ts';

export type PostMessage = (msg: EventMessage, transfer: Transferable[]) => void;

export interface EngineHost {
  /** Handles one message from the page. Never throws: problems come back as `error` events. */
  handle(msg: unknown): void;
  /** Runs alive (for tests and diagnostics). */
  runs(): RunId[];
}

/**
 * The worker's message handler as a plain module: the Web Worker wraps it (engine.worker.ts), tests
 * and pages without `Worker` run it in-process. It keeps any number of runs, by id. `readScenario`
 * checks a command's scenario; by default only the shape of one the page validated, so the worker
 * carries no schema (see scenarioGuard.ts).
 */
export function createEngineHost(
  post: PostMessage,
  clock: () => number = () => performance.now(),
  readScenario: ScenarioReader = readValidatedScenario,
): EngineHost {
  const runs = new Map<RunId, EngineRun>();
  /** The trace each run holds (`workload` command), handed to every simulation of a scenario naming it. */
  const traces = new Map<RunId, { name: string; workload: WorkloadRequests }>();
  /** Why `scenario` cannot run in `runId`: it names a trace the run does not hold. */
  const missingTrace = (runId: RunId, scenario: Scenario): string | null => {
    const spec = scenario.workload.trace;
    if (spec === null || traces.get(runId)?.name === spec.name) return null;
    return `the scenario replays the trace "${spec.name}", which this page does not hold: open it again (Open trace) to replay it`;
  };
  const send = (run: RunId | null, event: EngineEvent, transfer: Transferable[] = []) =>
    post({ ...event, v: PROTOCOL_VERSION, run } as EventMessage, transfer);
  const fail = (run: RunId | null, id: number | undefined, message: string) =>
    send(run, id === undefined ? { type: 'error', message } : { type: 'error', id, message });

  const handle = (msg: unknown) => {
    const read = readCommand(msg);
    if (!read.ok) {
      const m = (typeof msg === 'object' && msg !== null ? msg : {}) as { run?: unknown; id?: unknown };
      const run = typeof m.run === 'string' ? m.run : null;
      return fail(run, typeof m.id === 'number' ? m.id : undefined, read.message);
    }
    const { run: runId, id, v: _v, ...cmd } = read.cmd;
    if (cmd.type === 'summariesAt') {
      const parsed = readScenario(cmd.scenario);
      if (!parsed.ok) return fail(runId, id, `summariesAt.scenario: ${parsed.message}`);
      const result = summariesAt(parsed.scenario, cmd.times);
      if (id !== undefined) send(runId, { type: 'reply', id, result });
      return;
    }
    if (cmd.type === 'load') {
      const parsed = readScenario(cmd.scenario);
      if (!parsed.ok) return fail(runId, id, `load.scenario: ${parsed.message}`);
      if (!cmd.force) {
        const estimate = estimateCost(parsed.scenario);
        if (estimate.overBudget) {
          send(runId, { type: 'overBudget', scenario: parsed.scenario, estimate });
          if (id !== undefined) send(runId, { type: 'reply', id, result: null });
          return;
        }
      }
      const missing = missingTrace(runId, parsed.scenario);
      if (missing !== null) return fail(runId, id, missing);
      const existing = runs.get(runId);
      if (!existing) {
        // Each simulation of a scenario that names the held trace is given its requests.
        const create = (scenario: Scenario, options: Parameters<typeof createSimulation>[1] = {}) => {
          const held = traces.get(runId);
          const replays = scenario.workload.trace !== null && held?.name === scenario.workload.trace.name;
          return createSimulation(scenario, replays ? { ...options, workload: held.workload } : options);
        };
        runs.set(runId, new EngineRun(parsed.scenario, (e, t) => send(runId, e, t), clock, create));
      }
      return runs.get(runId)!.handle({ type: 'load', scenario: parsed.scenario }, id);
    }
    if (cmd.type === 'workload') {
      traces.set(runId, { name: cmd.name, workload: cmd.workload });
      if (id !== undefined) send(runId, { type: 'reply', id, result: null });
      return;
    }
    const run = runs.get(runId);
    if (!run) return fail(runId, id, `run "${runId}" does not exist: send "load" first`);
    if (cmd.type === 'dispose') {
      runs.delete(runId);
      traces.delete(runId);
    }
    run.handle(cmd, id);
  };

  return {
    handle(msg) {
      try {
        handle(msg);
      } catch (e) {
        // A bug must not kill the worker: say what happened and keep serving the other runs.
        const m = (typeof msg === 'object' && msg !== null ? msg : {}) as { run?: unknown; id?: unknown };
        fail(
          typeof m.run === 'string' ? m.run : null,
          typeof m.id === 'number' ? m.id : undefined,
          `the engine failed: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    },
    runs: () => [...runs.keys()],
  };
}
