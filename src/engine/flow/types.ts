import type { Scenario } from '../../scenario/schema.ts';
import type { Change } from '../../scenario/changeSchema.ts';

export type { Change, Scenario };

/** Simulated milliseconds. Plain numbers at runtime; the alias marks which clock a value is on. */
export type SimMs = number;

/** How a request ended, one colour each on the stage, in charts and in the legend. */
export type Outcome = 'l1-hit' | 'l2-hit' | 'cdn-hit' | 'db' | 'stale' | 'write' | 'error';
export const OUTCOMES: readonly Outcome[] = ['l1-hit', 'l2-hit', 'cdn-hit', 'db', 'stale', 'write', 'error'];

/**
 * Node ids on the stage: `client`, `lb`, `app-<i>`, `redis-<s>`, `db`.
 * Hops between them are what the canvas animates.
 */
export type NodeId = string;

/** One hop of one request, recorded when tracing is on. */
export interface TraceHop {
  requestId: number;
  key: number;
  from: NodeId;
  to: NodeId;
  startMs: SimMs;
  endMs: SimMs;
  /**
   * The outcome this hop shows, as far as it is known when the hop starts: a Redis reply says hit or
   * miss, the response to the client carries the request's final outcome (stale included);
   * `null` for hops sent before anything is known (the request on its way in, a GET).
   */
  outcome: Outcome | null;
  /**
   * What the hop carries: `get`, `set`, `del`, `read`, `write`, `reply`, `request`, `response`;
   * `flush` (a write-behind batch, app -> db) and `invalidate` (CDC: db -> cdc -> redis); `leak` (a CDN
   * response served to a user it was not made for, outcome `error`); `lost` (an acknowledged write
   * dropped with its queue: from and to are the node where it vanished, the request id is negative).
   */
  op: string;
  /** Writes carried by a `flush` hop. */
  rows?: number;
}

/** A completed request, recorded when tracing is on. */
export interface TraceRequest {
  requestId: number;
  key: number;
  instance: number;
  startMs: SimMs;
  endMs: SimMs;
  outcome: Outcome;
  isWrite: boolean;
  version: number;
  dbVersion: number;
}

export interface LayerStats {
  hits: number;
  misses: number;
  hitRatio: number;
}

export interface ShardSummary {
  slotStart: number;
  slotEnd: number;
  ops: number;
  keys: number;
  evictions: number;
  expired: number;
  peakQueue: number;
  /** Memory held now: key names + values + per-entry overhead (see redis/memory.ts). */
  memoryBytes: number;
  /** `cache.l2.maxMemoryBytes`, null when unbounded. */
  maxMemoryBytes: number | null;
  /** SETs refused for lack of room (`noeviction`, or a volatile policy with no key holding a TTL). */
  rejectedWrites: number;
}

import type { TtlDistribution } from '../redis/expiry.ts';
export type { TtlDistribution };

import type { CoreSeriesPoint } from './seriesFields.ts';
/** The flow's part of a time-series point (the engine's `SeriesPoint` adds each mechanism's fields). */
export type { CoreSeriesPoint };

/**
 * The flow's part of a run's figures. The engine's `Summary` adds each mechanism's part (see
 * src/engine/types.ts).
 */
export interface CoreSummary {
  title: string;
  seed: number;
  durationMs: SimMs;
  requests: number;
  reads: number;
  writes: number;
  events: number;
  l1: LayerStats;
  l2: LayerStats;
  db: {
    reads: number;
    writes: number;
    peakConcurrency: number;
    peakQueue: number;
    /** Mean time from arrival at the database to the end of service (queue wait + service). */
    meanLatencyMs: number;
    meanWaitMs: number;
    /** Time-averaged number of queries in the database (waiting or in service). */
    meanInSystem: number;
    /** Busy connection time over total connection time. */
    utilisation: number;
  };
  staleReads: number;
  /** Largest time since the newest write the stale reader missed. */
  maxStaleAgeMs: number;
  meanStaleAgeMs: number;
  /** Stale reads by age: `counts[i]` falls below `edgesMs[i]`; the last count is the open bucket. */
  staleAges: { edgesMs: number[]; counts: number[] };
  lostWrites: number;
  /** Requests that ended in an error for the client: failures, refusals and timeouts. */
  errors: number;
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number };
  shards: ShardSummary[];
  /** Busiest shard's operations over the mean per shard (1 = perfectly even). */
  hotShardFactor: number;
  /** Commands refused because their shard was down (requests and background SET/DEL). */
  redisErrors: number;
  /** Reads sent to the database because Redis was down (`cache.redisDownPolicy: "fallback"`). */
  redisFallbacks: number;
  /** SETs refused for lack of room, all shards. */
  rejectedWrites: number;
  /** TTL left on the live keys at the end of the run (or now, for a run in progress). */
  ttlDistribution: TtlDistribution;
  series: { intervalMs: SimMs; points: CoreSeriesPoint[] };
  /** Redis GETs of the 10 most popular keys (index = rank), copies included: what an L1 saves Redis. */
  hotKeyRedisReads: number[];
  /** Of those, the misses. */
  hotKeyRedisMisses: number[];
  /** The live changes applied so far, in order (`scenario.changes` and `Simulation.applyChange`). */
  changes: Change[];
}

export interface RunOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Overrides the scenario's duration. */
  durationMs?: number;
  /** Record hops and requests for the visualizer (off by default: benchmarks do not pay for it). */
  trace?: boolean;
  /** Most hops kept before the oldest are dropped when the caller does not drain. Default 100 000. */
  traceCapacity?: number;
  /** Time-series interval. Default 1000 ms. */
  sampleIntervalMs?: number;
  /**
   * The requests of a trace, for a scenario that names one (`workload.trace`): the replay mechanism
   * makes its arrivals from them in place of the Poisson source. Read, never changed.
   */
  workload?: WorkloadRequests;
  /** Called with each client request as it is made (retries excluded): the request stream, for export. */
  onRequest?: (request: MadeRequest) => void;
}

/** A trace's requests as the engine replays them (src/trace/replay.ts builds them from a read trace). */
export interface WorkloadRequests {
  length: number;
  /** Arrival time of each request, in milliseconds on the trace's clock, in order. */
  timeMs: Float64Array;
  /** Key id of each request, 0 .. uniqueKeys - 1. */
  key: Uint32Array;
  /** 0 a read, 1 a write, 2 a delete. */
  kind: Uint8Array;
  /** Object size in bytes per request; null when the trace gives none (the scenario's valueBytes then). */
  size: Uint32Array | null;
  /** TTL in seconds on the trace's clock per request (0: none); null when the trace gives none. */
  ttlS: Uint32Array | null;
  uniqueKeys: number;
}

/** Where a run keeps RunOptions.workload for the mechanisms (ModelEnv.shared). */
export const WORKLOAD_REQUESTS = 'replay.requests';

export const REQUEST_READ = 0;
export const REQUEST_WRITE = 1;
export const REQUEST_DELETE = 2;

/** A client request as the run makes it (RunOptions.onRequest). */
export interface MadeRequest {
  /** When it arrived (at the edge with a CDN, else at the load balancer): a replay's arrival time. */
  timeMs: number;
  key: number;
  /** REQUEST_READ, REQUEST_WRITE or REQUEST_DELETE. */
  kind: number;
  /** The bytes of the key's cached value. */
  valueBytes: number;
  /** The key's Redis TTL in ms (Infinity: none). */
  l2TtlMs: number;
}

/** Copies a node served past their TTL on purpose: within stale-while-revalidate, and for an error. */
export interface StaleServed {
  whileRevalidating: number;
  ifError: number;
}

/** The live state of the nodes, for the stage and the inspector. Cheap enough to read at 10 Hz. */
export interface NodeView {
  nowMs: SimMs;
  /** `writeQueue`: writes waiting for the database in the instance's write-behind queue. */
  instances: {
    id: NodeId;
    l1Keys: number;
    inFlight: number;
    up: boolean;
    writeQueue?: number;
    /** `cache.staleWindows` in the L1: copies this instance served past their TTL so far, by window. */
    staleServed?: StaleServed;
  }[];
  shards: {
    id: NodeId;
    slotStart: number;
    slotEnd: number;
    keys: number;
    queue: number;
    ops: number;
    up: boolean;
    memoryBytes: number;
    maxMemoryBytes: number | null;
    /** Keys expired so far (lazily on access or by the active cycle). */
    expired: number;
    /** Stampede locks (`SET NX EX`) held on this shard right now. */
    locks: number;
    /** `cache.staleWindows` in Redis: copies this shard's keys served past their TTL so far, by window. */
    staleServed?: StaleServed;
  }[];
  /**
   * The hottest key (rank 0) in Redis: its shard and the TTL it has left, `null` when it is not cached
   * (expired, evicted or never set). The moment it expires is the moment a stampede starts.
   */
  hotKey: { shard: number; ttlLeftMs: SimMs | null; cached: boolean };
  db: { connections: number; inUse: number; queue: number };
  /** The CDC pipeline, under the `cdc` strategy: events waiting in the broker, consumer running. */
  cdc?: { backlog: number; up: boolean; processed: number };
}

/** One key seen from every layer: the picture of "two users see different data". */
export interface KeyView {
  key: number;
  name: string;
  slot: number;
  shard: number;
  dbVersion: number;
  /**
   * The newest version acknowledged to a client, present only when it differs from `dbVersion`
   * (write-behind: the database has not caught up yet, or lost the write).
   */
  ackedVersion?: number;
  /** `null` when the layer does not hold the key. */
  redis: { version: number; expiresAtMs: SimMs | null } | null;
  l1: ({ version: number; expiresAtMs: SimMs | null } | null)[];
  /** Copies of a replicated hot key (`cache.hotKeys`), each on its own slot; empty when not replicated. */
  replicas?: { name: string; slot: number; shard: number }[];
  /**
   * Redis tracking (`cache.tracking`): the instances Redis would tell of a change of the key (their
   * indexes), the key's shard's table (keys held, its cap or null) and the invalidations each instance
   * received so far; absent when tracking is off.
   */
  tracking?: {
    mode: string;
    trackedBy: number[];
    shard: number;
    tableKeys: number;
    tableMaxKeys: number | null;
    received: number[];
  };
  /**
   * The key's copies under stale-while-revalidate / stale-if-error (`cache.staleWindows` in the L1 and
   * Redis, a CDN route's Cache-Control): per copy, its node (`app-<i>`, `redis-<s>`, `cdn`; `route` for
   * the CDN), its version, how long past its TTL it is (negative: fresh for that long yet), the window
   * it is in (`fresh`, `while-revalidate`, `if-error`, `expired`: past both), the tier's windows (ms)
   * and whether a background refresh of it is in flight; absent when no window is set.
   */
  staleWindows?: {
    node: NodeId;
    route?: string;
    version: number;
    pastTtlMs: SimMs;
    window: 'fresh' | 'while-revalidate' | 'if-error' | 'expired';
    whileRevalidateMs: SimMs;
    ifErrorMs: SimMs;
    refreshing: boolean;
  }[];
}

/**
 * An opaque copy of a simulation's state, kept compact (see `flow/snapshotCodec.ts`). The time series
 * is not in it: restoring rewinds the run's series to where it stood.
 */
export interface SimSnapshot {
  readonly __snapshot: true;
  /** Simulated time and events processed when it was taken. */
  readonly atMs: SimMs;
  readonly events: number;
  /** Memory it holds, and the size of the state it encodes (what taking it had to read). */
  readonly bytes: number;
  readonly rawBytes: number;
}

/** The stepping API the UI uses (`S`: the Summary it gives, see src/engine/types.ts). */
export interface SimulationOf<S> {
  /**
   * The scenario this run replays: the one it was created from, its `changes` holding every change the
   * run knows (those it came with and those applied live). Creating a simulation from it repeats the run.
   */
  readonly scenario: Scenario;
  /** Current simulated time. */
  now(): SimMs;
  /** True once no event and no change is left within the duration. */
  done(): boolean;
  /** Applies the changes due before the next event, then processes that event; false when the run is over. */
  step(): boolean;
  /**
   * Processes every event up to and including `tMs` (capped at the duration), applying each change after
   * the events at or before its time, then sets the clock to `tMs`.
   */
  runUntil(tMs: SimMs): void;
  /** Events processed so far (cheap; the Summary has it too). */
  events(): number;
  /**
   * Starts or stops recording hops and requests. Recording never changes the run, so a fast-forward
   * can run untraced and turn it on for the stretch it shows.
   */
  setTracing(on: boolean): void;
  /**
   * Applies a change now (`now()`), after the events of this instant, and records it in the run's change
   * list; throws when `validateChange` refuses it. Replaying a scenario that carries the returned change
   * gives exactly this run.
   *
   * @example
   * sim.runUntil(10_000);
   * sim.applyChange({ path: 'cache.l2.ttlMs', value: 1 }); // { atMs: 10000, path: ..., value: 1 }
   */
  applyChange(change: { path: string; value: unknown }): Change;
  /** Every change the run knows, in time order: the scenario's and those applied live. */
  changes(): readonly Change[];
  snapshot(): SimSnapshot;
  /**
   * Returns to a snapshot. It may come from another simulation whose scenario equals this one's except for
   * changes after the snapshot's time (how "undo the last change" works); any other throws.
   */
  restore(snapshot: SimSnapshot): void;
  summary(): S;
  /** Hops recorded since the last drain (tracing only). */
  drainHops(): TraceHop[];
  /** Requests completed since the last drain (tracing only). */
  drainRequests(): TraceRequest[];
  nodes(): NodeView;
  inspectKey(key: number): KeyView;
  /** The keys currently held by a node (`redis-<s>` or `app-<i>`), at most `limit` of them. */
  nodeKeys(node: NodeId, limit: number): { key: number; version: number; expiresAtMs: SimMs | null }[];
  /** TTL left on the live Redis keys, bucketed; computed on demand (scans every key). */
  ttlDistribution(): TtlDistribution;
  /** TTL left (ms) on up to `limit` live Redis keys with an expiry, for a histogram. */
  ttlRemaining(limit: number): number[];
}
