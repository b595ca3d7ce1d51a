import type { Scenario } from '../../../scenario/schema.ts';
import type { ModelEnv, PerKey } from '../../flow/modelParts.ts';
import { WORKLOAD_REQUESTS, type WorkloadRequests } from '../../flow/types.ts';

/** What the replay of a trace derives from the scenario and the run's requests. */
export interface ReplayModel {
  name: string;
  requests: WorkloadRequests;
  /** Trace milliseconds per simulated millisecond. */
  timeScale: number;
  /** The trace's time that plays at 0: its first request's, down to a whole second. */
  originMs: number;
  perKey: PerKey;
  /** Deletes are marked for their own cache action (not under write-behind, which takes writes whole). */
  markDeletes: boolean;
}

/**
 * Each key's value size (its last request's, as the miss-ratio curves take it) and Redis TTL (the first
 * one the trace gives it, shrunk by the time scale), computed once per run and shared by its models.
 */
function perKeyOf(r: WorkloadRequests, timeScale: number, keys: number): PerKey {
  let valueBytes: Uint32Array | null = null;
  if (r.size !== null) {
    valueBytes = new Uint32Array(keys);
    for (let i = 0; i < r.length; i++) valueBytes[r.key[i]!] = r.size[i]!;
  }
  let l2TtlMs: Float64Array | null = null;
  if (r.ttlS !== null) {
    l2TtlMs = new Float64Array(keys);
    for (let i = 0; i < r.length; i++) {
      const k = r.key[i]!;
      const t = r.ttlS[i]!;
      if (t > 0 && l2TtlMs[k] === 0) l2TtlMs[k] = (t * 1000) / timeScale;
    }
  }
  return { valueBytes, l2TtlMs };
}

/**
 * The replay's model, or null when the scenario names no trace. Throws, naming the problem, when it
 * names one the run was not given, or one with more keys than `workload.keys`.
 */
export function replayModel(scenario: Scenario, env: ModelEnv): ReplayModel | null {
  const spec = scenario.workload.trace;
  if (spec === null) return null;
  const requests = env.shared.get(WORKLOAD_REQUESTS) as WorkloadRequests | undefined;
  if (requests === undefined)
    throw new Error(
      `the scenario replays the trace "${spec.name}", but the run was given none of its requests (read the trace first: npm run sim -- --trace <file>)`,
    );
  if (requests.uniqueKeys > scenario.workload.keys)
    throw new Error(
      `the trace "${spec.name}" has ${requests.uniqueKeys} distinct keys, more than workload.keys (${scenario.workload.keys}): set workload.keys to at least ${requests.uniqueKeys}`,
    );
  const id = `replay.perKey:${spec.timeScale}`;
  let perKey = env.shared.get(id) as PerKey | undefined;
  if (perKey === undefined) {
    perKey = perKeyOf(requests, spec.timeScale, env.keyCount);
    env.shared.set(id, perKey);
  }
  const first = requests.length > 0 ? requests.timeMs[0]! : 0;
  return {
    name: spec.name,
    requests,
    timeScale: spec.timeScale,
    originMs: Math.floor(first / 1000) * 1000,
    perKey,
    markDeletes: scenario.cache.strategy !== 'write-behind' && scenario.cache.strategy !== 'none',
  };
}
