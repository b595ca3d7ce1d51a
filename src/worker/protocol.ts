/**
 * The one message protocol between a page and the engine's Web Worker. The app, A/B compare, sweeps
 * and the embed API all speak it.
 *
 * Placement: every message names a run (`run`), and one worker hosts any number of runs. Whether runs
 * share a worker is the page's choice, not the protocol's: the app keeps its run in one worker; a
 * compare view puts its two runs in two workers so each gets a core (and drives both with the same
 * frame times); sweeps spread headless runs over a pool of workers, each running many in turn.
 *
 * Versioning: every message carries `v`. A worker answers a message of another version, or one it
 * cannot read, with an `error` event and ignores it; it never throws.
 *
 * Flow control: the page asks for a `frame` once per animation frame and never has two in flight, so
 * messages cannot pile up whatever the speed; every other command is answered by a `reply` when it
 * carries an `id`. `update` events (playback state, node views, summary) come unasked, at most about
 * ten a second while playing and at once after a command.
 */
import type {
  Change,
  KeyView,
  NodeId,
  NodeView,
  SimMs,
  Summary,
  TraceHop,
  TraceRequest,
} from '../engine/types.ts';
import type { CostEstimate } from '../engine/cost.ts';
import type { WorkloadRequests } from '../engine/flow/types.ts';
import { readWorkload } from './workloadMessage.ts';
import type { ParticleBatch } from '../render/particles.ts';
import { MAX_DRAWN } from '../render/drawCounts.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { SeriesFrom } from './seriesDelta.ts';

export const PROTOCOL_VERSION = 1;

export type RunId = string;

/** What a page asks a run to do. `load` creates the run (or replaces its scenario). */
export type Command =
  /**
   * Creates the run or replaces its scenario. A scenario estimated above the cost budget
   * (`estimateCost`) is not loaded unless `force` is set: the run answers with an `overBudget` event
   * (and a reply of null) and keeps what it had, so the page can ask first.
   */
  | { type: 'load'; scenario: Scenario; force?: boolean }
  | { type: 'dispose' }
  /**
   * Hands the run the requests of the trace named `name` (typed arrays, transferred), for the
   * scenarios that replay it (`workload.trace.name`), in place of any it held. A `load` of a scenario that
   * names a trace the run does not hold is refused with an error saying to open it again.
   */
  | { type: 'workload'; name: string; workload: WorkloadRequests }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'toggle' }
  | { type: 'restart' }
  | { type: 'step' }
  | { type: 'seek'; tMs: SimMs }
  | { type: 'setSpeed'; speed: number }
  /** Answered by `reply` with the `Notable` found, or null. */
  | { type: 'nextNotable' }
  /**
   * Answered by a `frame` event. `maxSimMs` holds this run back to another run's clock; `drawLimit`
   * is the most particles the page wants in flight (its draw setting; from 1 to MAX_DRAWN), which the
   * particle feed reaches by drawing a sample of the requests.
   */
  | { type: 'frame'; wallMs: number; maxSimMs?: SimMs; drawLimit?: number }
  /** Runs to the end untraced, without snapshots; answered by `reply` with the Summary (sweeps). */
  | { type: 'runToEnd' }
  /**
   * Runs `scenario` headless from time zero (untraced, no snapshots) and answers with its Summary at
   * each of `times`, in order: a lesson's check. No run is created or touched; `run` only addresses
   * the reply.
   */
  | { type: 'summariesAt'; scenario: Scenario; times: SimMs[] }
  /**
   * A live change at the run's current time (the same field again at the same instant replaces it);
   * answered by `reply` with the change as recorded.
   */
  | { type: 'applyChange'; path: string; value: unknown }
  /** Replaces the run's changes (undo, reset) and re-simulates back to the current time. */
  | { type: 'setChanges'; changes: Change[] }
  /** Keeps this request's hops however many others pass (the one open in the inspector). */
  | { type: 'follow'; requestId: number | null }
  | { type: 'query'; query: Query };

/** Read-only questions about a run's current state; answered by `reply`. */
export type Query =
  | { kind: 'inspectKey'; key: number }
  | { kind: 'nodeKeys'; node: NodeId; limit: number }
  | { kind: 'request'; requestId: number }
  | { kind: 'summary' };

export interface NodeKeyEntry {
  key: number;
  version: number;
  expiresAtMs: SimMs | null;
}

/** A followed request: its hops so far, and how it ended once it has. */
export interface RequestDetail {
  request: TraceRequest | null;
  hops: TraceHop[];
}

export interface QueryResult {
  inspectKey: KeyView;
  nodeKeys: NodeKeyEntry[];
  request: RequestDetail;
  summary: Summary;
}

export type CommandMessage = Command & { v: typeof PROTOCOL_VERSION; run: RunId; id?: number };

/** The clock and controls of a run, in every frame and update. */
export interface PlaybackState {
  nowMs: SimMs;
  durationMs: SimMs;
  playing: boolean;
  speed: number;
  achievedSpeed: number;
  behind: boolean;
  /** Draw 1 request in this many. */
  sampleEvery: number;
  events: number;
  /** No event is left before the end of the run. */
  done: boolean;
}

/** What a run tells the page. */
export type EngineEvent =
  | {
      type: 'frame';
      id?: number;
      state: PlaybackState;
      particles: ParticleBatch;
      /** The page drops particles that arrived before this time. */
      retireAtMs: SimMs;
      /** Wall ms the worker spent on this frame. */
      workMs: number;
    }
  | {
      type: 'update';
      state: PlaybackState;
      nodes: NodeView;
      /** Only the series points added since the last update; `seriesFrom` says where they go. */
      summary?: Summary;
      seriesFrom?: SeriesFrom;
      /** The last completed requests the canvas followed, newest first. */
      recent: TraceRequest[];
      /** Every change the run knows (applied or ahead), when the list changed since the last update. */
      changes?: Change[];
    }
  /** A `load` refused because the scenario is estimated above the cost budget; nothing was loaded. */
  | { type: 'overBudget'; scenario: Scenario; estimate: CostEstimate }
  | { type: 'reply'; id: number; result: unknown }
  | { type: 'error'; id?: number; message: string };

export type EventMessage = EngineEvent & { v: typeof PROTOCOL_VERSION; run: RunId | null };

const COMMAND_TYPES: ReadonlySet<string> = new Set<Command['type']>([
  'load',
  'dispose',
  'workload',
  'play',
  'pause',
  'toggle',
  'restart',
  'step',
  'seek',
  'setSpeed',
  'nextNotable',
  'frame',
  'runToEnd',
  'summariesAt',
  'applyChange',
  'setChanges',
  'follow',
  'query',
]);
const QUERY_KINDS: ReadonlySet<string> = new Set<Query['kind']>([
  'inspectKey',
  'nodeKeys',
  'request',
  'summary',
]);

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isDrawLimit = (x: unknown): boolean =>
  Number.isInteger(x) && (x as number) >= 1 && (x as number) <= MAX_DRAWN;

/** Readings one `summariesAt` may ask for: a Summary each, carried back in one reply. */
export const MAX_READINGS = 16;
const isTimes = (x: unknown): boolean =>
  Array.isArray(x) &&
  x.length >= 1 &&
  x.length <= MAX_READINGS &&
  x.every((t, i) => isNum(t) && t >= 0 && (i === 0 || t >= (x[i - 1] as number)));

/**
 * Checks the shape of a message a worker received: a command it can act on, or the reason it cannot
 * (said in an `error` event). The scenario of a `load` is validated by the schema where it is used.
 */
export function readCommand(
  msg: unknown,
): { ok: true; cmd: CommandMessage } | { ok: false; message: string } {
  if (!isRecord(msg)) return { ok: false, message: 'a message must be an object' };
  if (msg.v !== PROTOCOL_VERSION) {
    return {
      ok: false,
      message: `protocol version ${String(msg.v)} is not supported (this worker speaks ${PROTOCOL_VERSION})`,
    };
  }
  if (typeof msg.run !== 'string') return { ok: false, message: 'run: expected a run id (a string)' };
  if (msg.id !== undefined && !isNum(msg.id)) return { ok: false, message: 'id: expected a number' };
  const type = msg.type;
  if (typeof type !== 'string' || !COMMAND_TYPES.has(type)) {
    return { ok: false, message: `type: unknown command ${JSON.stringify(type)}` };
  }
  const bad = (field: string, what: string) => ({
    ok: false as const,
    message: `${type}.${field}: expected ${what}`,
  });
  if ((type === 'load' || type === 'summariesAt') && !isRecord(msg.scenario)) {
    return bad('scenario', 'a scenario object');
  }
  if (type === 'summariesAt' && !isTimes(msg.times)) {
    return bad('times', `from 1 to ${MAX_READINGS} simulated times, each >= 0 and none before the last`);
  }
  if (type === 'load' && msg.force !== undefined && typeof msg.force !== 'boolean') {
    return bad('force', 'true or false');
  }
  if (type === 'workload') {
    if (typeof msg.name !== 'string') return bad('name', "the trace's name (a string)");
    const w = readWorkload(msg.workload);
    if (!w.ok) return bad('workload', `the requests of a trace (${w.message})`);
  }
  if (type === 'seek' && !isNum(msg.tMs)) return bad('tMs', 'a number of simulated ms');
  if (type === 'setSpeed' && !isNum(msg.speed)) return bad('speed', 'a number');
  if (type === 'applyChange' && typeof msg.path !== 'string') return bad('path', 'a field path');
  if (type === 'setChanges' && !Array.isArray(msg.changes)) return bad('changes', 'a list of changes');
  if (type === 'follow' && msg.requestId !== null && !isNum(msg.requestId)) {
    return bad('requestId', 'a request id or null');
  }
  if (type === 'frame' && (!isNum(msg.wallMs) || (msg.maxSimMs !== undefined && !isNum(msg.maxSimMs)))) {
    return bad('wallMs', 'a number (and maxSimMs, when given, a number)');
  }
  if (type === 'frame' && msg.drawLimit !== undefined && !isDrawLimit(msg.drawLimit)) {
    return bad('drawLimit', `a whole number of particles from 1 to ${MAX_DRAWN}`);
  }
  if (type === 'query') {
    const q = msg.query;
    if (!isRecord(q) || typeof q.kind !== 'string' || !QUERY_KINDS.has(q.kind)) {
      return bad('query.kind', `one of ${[...QUERY_KINDS].join(', ')}`);
    }
    if (q.kind === 'inspectKey' && !isNum(q.key)) return bad('query.key', 'a key number');
    if (q.kind === 'nodeKeys' && (typeof q.node !== 'string' || !isNum(q.limit))) {
      return bad('query', 'a node id and a limit');
    }
    if (q.kind === 'request' && !isNum(q.requestId)) return bad('query.requestId', 'a request id');
  }
  return { ok: true, cmd: msg as unknown as CommandMessage };
}
