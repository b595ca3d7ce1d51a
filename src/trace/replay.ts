import type { Scenario } from '../scenario/schema.ts';
import type { TraceSpec } from '../scenario/traceSchema.ts';
import type { WorkloadRequests } from '../engine/flow/types.ts';
import { opKind, TraceError, type Trace } from './types.ts';

/**
 * From a read trace to what the engine replays (docs/traces.md, "What replay keeps and drops"): the
 * requests' times, keys, operations (read, write or delete), sizes and TTLs; and the scenario that
 * replays it: the base scenario's caches, database and mechanisms, with `workload.trace` naming it,
 * `workload.keys` its distinct keys and a duration that covers it.
 */

const KIND = { read: 0, write: 1, delete: 2 } as const;

/** The longest run a scenario may have (the schema's `durationMs` bound). */
const MAX_DURATION_MS = 86_400_000;
/** Keys a scenario may address (the schema's `workload.keys` bound). */
const MAX_KEYS = 2_000_000;

/** The engine's view of a trace's requests; its arrays are the trace's own but for the operations' kinds. */
export function workloadOf(trace: Trace): WorkloadRequests {
  const kind = new Uint8Array(trace.length);
  for (let i = 0; i < trace.length; i++) kind[i] = KIND[opKind(trace.op[i]!)];
  return {
    length: trace.length,
    timeMs: trace.timeMs,
    key: trace.key,
    kind,
    size: trace.hasSizes ? trace.size : null,
    ttlS: trace.ttlS,
    uniqueKeys: trace.uniqueKeys,
  };
}

/** Simulated milliseconds the replay of `trace` takes at `timeScale` (its first second to its last request, and a second). */
export function replayDurationMs(trace: Trace, timeScale: number): number {
  if (trace.length === 0) return 1000;
  const first = Math.floor(trace.timeMs[0]! / 1000) * 1000;
  let last = first;
  for (let i = 0; i < trace.length; i++) if (trace.timeMs[i]! > last) last = trace.timeMs[i]!;
  return Math.max(1, Math.ceil((last - first + 1000) / timeScale));
}

/**
 * The scenario that replays `trace` on `base`'s settings. Throws a TraceError naming the problem when
 * the trace cannot be replayed as a scenario: more distinct keys than a scenario holds, or longer than a
 * run at this time scale (the message says which scale fits).
 */
export function replayScenario(
  base: Scenario,
  trace: Trace,
  spec: Pick<TraceSpec, 'name'> & Partial<TraceSpec>,
): Scenario {
  const timeScale = spec.timeScale ?? base.workload.trace?.timeScale ?? 1;
  if (trace.length === 0) throw new TraceError(`the trace ${spec.name} holds no requests to replay`);
  if (trace.uniqueKeys > MAX_KEYS)
    throw new TraceError(
      `the trace has ${trace.uniqueKeys.toLocaleString('en-US')} distinct keys; a replay holds at most ${MAX_KEYS.toLocaleString('en-US')} (sample it: --sample ${Math.floor((MAX_KEYS / trace.uniqueKeys) * 1000) / 1000})`,
    );
  const durationMs = replayDurationMs(trace, timeScale);
  if (durationMs > MAX_DURATION_MS)
    throw new TraceError(
      `the trace lasts ${Math.round((durationMs * timeScale) / 1000)} s, longer than a run of a day at time scale ${timeScale}: play it faster (time scale ${Math.ceil((durationMs * timeScale) / MAX_DURATION_MS)} or more)`,
    );
  const families = base.workload.families;
  return {
    ...base,
    durationMs,
    changes: base.changes.filter((ch) => ch.atMs <= durationMs),
    failures: base.failures.filter((f) => f.atMs < durationMs),
    workload: {
      ...base.workload,
      keys: trace.uniqueKeys,
      // Not what drives the replay: the mean rate, which the cost estimate and the labels read.
      rps: Math.min(10_000_000, Math.round((trace.length / durationMs) * 1000 * 1000) / 1000),
      families: families.length > 0 ? [] : families,
      phases: [],
      trace: { name: spec.name, format: spec.format ?? trace.format, timeScale },
    },
  };
}
