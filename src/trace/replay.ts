import type { Scenario } from '../scenario/schema.ts';
import type { TraceSpec } from '../scenario/traceSchema.ts';
import type { WorkloadRequests } from '../engine/flow/types.ts';
import { opKind, TraceError, type Trace, type TraceFormat } from './types.ts';

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

/**
 * What the scenario of a replay needs to know of a trace: small plain numbers, which the app's trace
 * worker sends to the page beside the requests (which go on to the engine's worker).
 */
export interface TraceShape {
  format: TraceFormat;
  length: number;
  uniqueKeys: number;
  /** The first request's time and the latest time of any request, in trace milliseconds. */
  firstMs: number;
  lastMs: number;
}

/** The shape of a read trace (one pass over its times). */
export function shapeOf(trace: Trace): TraceShape {
  const first = trace.length > 0 ? trace.timeMs[0]! : 0;
  let last = first;
  for (let i = 0; i < trace.length; i++) if (trace.timeMs[i]! > last) last = trace.timeMs[i]!;
  return {
    format: trace.format,
    length: trace.length,
    uniqueKeys: trace.uniqueKeys,
    firstMs: first,
    lastMs: last,
  };
}

/** Simulated milliseconds the replay takes at `timeScale` (its first second to its last request, and a second). */
export function replayDurationMs(trace: Trace | TraceShape, timeScale: number): number {
  const shape = 'firstMs' in trace ? trace : shapeOf(trace);
  if (shape.length === 0) return 1000;
  const first = Math.floor(shape.firstMs / 1000) * 1000;
  const last = Math.max(first, shape.lastMs);
  return Math.max(1, Math.ceil((last - first + 1000) / timeScale));
}

/** The time scale that plays `shape` in about `wallMs` (1 when it is shorter): a day in a minute is 1440. */
export function fittingTimeScale(shape: TraceShape, wallMs = 60_000): number {
  const span = replayDurationMs(shape, 1);
  return span <= wallMs ? 1 : Math.ceil(span / wallMs);
}

/**
 * The scenario that replays `trace` on `base`'s settings. Throws a TraceError naming the problem when
 * the trace (or its shape) cannot be replayed as a scenario: more distinct keys than a scenario holds, or longer than a
 * run at this time scale (the message says which scale fits).
 */
export function replayScenario(
  base: Scenario,
  trace: Trace | TraceShape,
  spec: Pick<TraceSpec, 'name'> & Partial<TraceSpec>,
): Scenario {
  const timeScale = spec.timeScale ?? base.workload.trace?.timeScale ?? 1;
  if (trace.length === 0) throw new TraceError(`the trace ${spec.name} holds no requests to replay`);
  if (trace.uniqueKeys > MAX_KEYS)
    throw new TraceError(
      `the trace has ${trace.uniqueKeys.toLocaleString('en-US')} distinct keys; a replay holds at most ${MAX_KEYS.toLocaleString('en-US')} (sample it: --sample ${Math.floor((MAX_KEYS / trace.uniqueKeys) * 1000) / 1000})`,
    );
  const durationMs = replayDurationMs('firstMs' in trace ? trace : shapeOf(trace), timeScale);
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
