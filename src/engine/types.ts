import type { Scenario } from '../scenario/schema.ts';

export type { Scenario };

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
   * `flush` (a write-behind batch, app -> db) and `invalidate` (CDC: db -> cdc -> redis).
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
}

/** One row of the time series, covering [tMs - intervalMs, tMs). */
export interface SeriesPoint {
  tMs: SimMs;
  requests: number;
  l1Hits: number;
  l1Misses: number;
  l2Hits: number;
  l2Misses: number;
  dbReads: number;
  dbWrites: number;
  staleReads: number;
  errors: number;
  p50: number;
  p99: number;
  /** Database connections busy and queries waiting at the sample instant. */
  dbInUse: number;
  dbQueue: number;
  /** Operations per shard during the interval. */
  shardOps: number[];
  /** Keys per shard at the sample instant. */
  shardKeys: number[];
}

export interface Summary {
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
  errors: number;
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number };
  shards: ShardSummary[];
  /** Busiest shard's operations over the mean per shard (1 = perfectly even). */
  hotShardFactor: number;
  series: { intervalMs: SimMs; points: SeriesPoint[] };
  /** Write-behind figures (null under any other strategy). */
  writeBehind: WriteBehindSummary | null;
  /** CDC invalidation figures (null under any other strategy). */
  cdc: CdcSummary | null;
}

export interface WriteBehindSummary {
  /** Writes acknowledged to clients before reaching the database. */
  acknowledged: number;
  /** Writes the flushers committed to the database, and the batches they used. */
  flushedRows: number;
  batches: number;
  /** Acknowledged writes neither committed nor lost when the run ended (queued or in flight). */
  pendingAtEnd: number;
  /** Acknowledged writes dropped with their queue (instance crash, or Redis restart with the queue there). */
  lostWrites: number;
  /** Most acknowledged writes waiting for the database at once. */
  maxQueueDepth: number;
  /** Age of the oldest write the database did not have yet: its maximum, and the mean per flushed write. */
  maxDbLagMs: SimMs;
  meanDbLagMs: SimMs;
  /** Rows overwritten by an older version (unordered flushes only). */
  dbRegressions: number;
  /** Reads the database answered with an older version than one it had already applied. */
  regressionStaleReads: number;
  series: { tMs: SimMs; queueDepth: number; dbLagMs: SimMs }[];
}

export interface CdcSummary {
  /** Change events the database emitted, and the ones the consumer turned into a DEL. */
  published: number;
  processed: number;
  /** Events still in the broker at the end, and the most there at once. */
  backlogAtEnd: number;
  maxBacklog: number;
  /** Time from a commit to the consumer taking its event. */
  meanConsumerLagMs: SimMs;
  maxConsumerLagMs: SimMs;
  series: { tMs: SimMs; backlog: number; consumerLagMs: SimMs }[];
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
}

/** The live state of the nodes, for the stage and the inspector. Cheap enough to read at 10 Hz. */
export interface NodeView {
  nowMs: SimMs;
  /** `writeQueue`: writes waiting for the database in the instance's write-behind queue. */
  instances: { id: NodeId; l1Keys: number; inFlight: number; up: boolean; writeQueue?: number }[];
  shards: {
    id: NodeId;
    slotStart: number;
    slotEnd: number;
    keys: number;
    queue: number;
    ops: number;
    up: boolean;
  }[];
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
}

/** An opaque, structured-cloneable copy of a simulation's state. */
export interface SimSnapshot {
  readonly __snapshot: true;
}

/** The stepping API the UI uses. */
export interface Simulation {
  readonly scenario: Scenario;
  /** Current simulated time. */
  now(): SimMs;
  /** True once the next event lies beyond the duration (or none is left). */
  done(): boolean;
  /** Processes one event; returns false when the run is over. */
  step(): boolean;
  /** Processes every event up to and including `tMs` (capped at the duration), then sets the clock to it. */
  runUntil(tMs: SimMs): void;
  snapshot(): SimSnapshot;
  restore(snapshot: SimSnapshot): void;
  summary(): Summary;
  /** Hops recorded since the last drain (tracing only). */
  drainHops(): TraceHop[];
  /** Requests completed since the last drain (tracing only). */
  drainRequests(): TraceRequest[];
  nodes(): NodeView;
  inspectKey(key: number): KeyView;
  /** The keys currently held by a node (`redis-<s>` or `app-<i>`), at most `limit` of them. */
  nodeKeys(node: NodeId, limit: number): { key: number; version: number; expiresAtMs: SimMs | null }[];
}
