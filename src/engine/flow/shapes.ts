/**
 * The shapes the engine's flow and its mechanisms share that refer to one another: the run's context
 * and model, the points of a request's life, a mechanism's self-description and the plan built from the
 * registry. Types only, in one module, because they form a circle (a model holds hooks that take a
 * context that holds the model and the plan, whose mechanisms take the context); the code that builds
 * and uses them lives in the modules named beside each. The shapes outside the circle are beside it:
 * the mutable state in stateShapes.ts, what a mechanism may supply to a model in modelParts.ts.
 */
import type { Scenario } from '../../scenario/schema.ts';
import type { RankSampler } from '../core/zipf.ts';
import type { KeyGroups } from './keyspace.ts';
import type { Copies, ModelEnv, PerKey } from './modelParts.ts';
import type { Series } from './series.ts';
import type { State } from './stateShapes.ts';
import type { Tracer } from './trace.ts';
import type { KeyView, MadeRequest, NodeView, Outcome } from './types.ts';
import type { SeriesField } from '../../series/field.ts';
import type { CoreSeriesPoint } from './seriesFields.ts';

/**
 * What a run derives from the scenario in force: popularity tables, slot ranges, the key -> shard map,
 * the settings the hot paths read, each mechanism's part and the hooks they put at the points. Kept
 * apart from the mutable state so snapshots stay small. A live change never mutates a model: the run
 * gets a new one, built from the scenario after the change, that shares every table the change cannot
 * affect (see ModelCache).
 */
export interface Model {
  /** The scenario in force: the run's scenario with the changes applied so far (its `changes` empty). */
  scenario: Scenario;
  durationMs: number;
  seed: number;
  sampleIntervalMs: number;
  popularity: RankSampler;
  ranges: Array<[number, number]>;
  slotToShard: Uint16Array;
  /**
   * Shard of each key, filled lazily (-1 = not computed yet): hashing 2M names up front is slow. 16 bits:
   * 8 would hold only 127 shards besides the -1.
   */
  shardOfKey: Int16Array;
  /** Per family (one without families), the CRC16 of its key names' prefix; -1 when it holds a `{`. */
  keyPrefixCrc: Int32Array;
  l1Enabled: boolean;
  /** Concurrent reads of one key on an instance share one fetch (a coalescing L1). */
  coalesceReads: boolean;
  l1TtlMs: number;
  l2TtlMs: number;
  /**
   * Keys the run addresses (the families' total, or `workload.keys`, then the keys mechanisms add, see
   * Mechanism.keys): per-key arrays have this length.
   */
  keyCount: number;
  /** Keys below this have a row in the database (the workload's); those from here on were added by mechanisms. */
  rowKeys: number;
  /** Key families' groups; null for the single implicit group. */
  groups: KeyGroups | null;
  /** One-way client <-> edge latency added to every response (0 without a CDN). */
  edgeHopMs: number;
  /** The hop a request takes to where it arrives: the edge's with a CDN, the client's without. */
  arrivalHopMs: number;
  /** A shard busy this far ahead (`cache.l2.maxQueue` commands) refuses a command. */
  redisMaxBacklogMs: number;
  /**
   * Settings every request reads, copied out of the scenario so the per-event code loads one field
   * instead of a chain (`scenario.network.redisMs`...): `topology.redisShards`, `network.*`,
   * `cache.l2.serviceMs` and `ttlJitter`, `workload.readRatio`, `topology.instances` and its load
   * balancer, `database.connections`.
   */
  redisShards: number;
  instances: number;
  randomBalancer: boolean;
  dbConnections: number;
  clientMs: number;
  redisMs: number;
  dbMs: number;
  jitterMs: number;
  l2ServiceMs: number;
  ttlJitter: number;
  readRatio: number;
  /** The TTL a read gives its key back (`cache.l2.ttlMs` under `ttlReset`), or null: reads leave it. */
  l2ResetTtlMs: number | null;
  /** Queries the pool's wait queue holds at most (`database.maxQueue`, Infinity when unbounded). */
  dbMaxQueue: number;
  /** Memory of each key's Redis entry, filled lazily (0 = not computed yet); see redisCore.ts. */
  entryBytes: Float64Array;
  /** Each mechanism's part, by name (see Mechanism.model). */
  mech: Record<string, unknown>;
  /** What the mechanisms in force do at each point (null: nothing). */
  hooks: Hooks;
  /** The copies of replicated keys the flow addresses (none unless a mechanism supplies them). */
  copies: Copies;
  /** Makes the request of an arrival, when a mechanism does instead of the flow's Zipf draw. */
  request: ((c: Ctx) => void) | null;
  /** The arrival process. */
  source: Source;
  /** Per-key value sizes and TTLs, when a mechanism supplies them (a trace); null: the scenario's. */
  perKey: PerKey | null;
}

/** What every handler works on. `s` is replaced wholesale when a snapshot is restored. */
export interface Ctx {
  m: Model;
  s: State;
  /** The time series, outside `s` so snapshots do not copy it (see series.ts). */
  series: Series;
  trace: Tracer | null;
  /** Told of each client request as it is made (RunOptions.onRequest), or null. */
  made: ((request: MadeRequest) => void) | null;
  /** The registry's mechanisms, their event handlers and job kinds: fixed for the run. */
  plan: Plan;
}

/**
 * The named points of a request's life where mechanisms act. The flow calls `c.m.hooks.<point>` there;
 * each is null when no mechanism in force acts at it, so a mechanism that is off costs one comparison.
 * A point whose hooks return a boolean stops at the first that returns true ("taken"); the others call
 * every hook, in the registry's order. Hooks are composed once per model (at the start and at each live
 * change), never per event.
 */
export interface Points {
  /** A client request arrives (at the CDN edge when there is one): true when a hook takes it. */
  arrive: (c: Ctx, job: number) => boolean;
  /** A client write reaches its instance, before the flow sends it to the database: true when taken. */
  write: (c: Ctx, job: number) => boolean;
  /** A client read reaches its instance, before its caches and the database: true when taken. */
  read: (c: Ctx, job: number) => boolean;
  /** A read missed its instance's L1, before asking Redis: true when taken (it waits on another fetch). */
  l1Miss: (c: Ctx, job: number) => boolean;
  /** A value is stored in an instance's L1. */
  l1Fill: (c: Ctx, instance: number, key: number, version: number) => void;
  /** A read got a value from Redis (its L1 filled), before it is answered. */
  l2Hit: (c: Ctx, job: number) => void;
  /** A read missed Redis (or Redis failed it, falling back) and is about to read the database: true when taken. */
  l2Miss: (c: Ctx, job: number) => boolean;
  /**
   * A command (`op`: OP_GET, OP_SET, OP_DEL) runs on a shard that is up, finishing at `doneAt`; true
   * when a hook dealt with it in place of the flow (refused it, or applied it its own way): the flow
   * leaves the store alone and the reply says MISS.
   */
  redisCommand: (c: Ctx, job: number, op: number, shard: number, doneAt: number) => boolean;
  /**
   * The flow applied that command to the shard's store (not called when a hook took it): what it
   * changed, and what left the store meanwhile (`ShardStore.gone`), is there to see.
   */
  redisDone: (c: Ctx, job: number, op: number, shard: number, doneAt: number) => void;
  /** A query reaches the database, before it takes a connection: true when a hook answered it. */
  dbArrive: (c: Ctx, job: number) => boolean;
  /** A query joined the connection pool's wait queue. */
  dbQueued: (c: Ctx) => void;
  /** A client's write committed `version` of `key` (before the database replies). */
  commit: (c: Ctx, key: number, version: number) => void;
  /** A query finished and its reply is on its way (`version`: the key's version in the database). */
  dbDone: (c: Ctx, job: number, version: number) => void;
  /** The database's answer reached the instance, before the strategy updates the caches. */
  dbReply: (c: Ctx, job: number, version: number) => void;
  /**
   * A response (`version`, `outcome` as the instance sends it, before it is judged stale) is about to
   * leave for the client, landing at `end`: true when a hook took it (the client is gone, or a hook
   * answered it in its place); the flow then only frees the job.
   */
  replying: (c: Ctx, job: number, end: number, version: number, outcome: Outcome) => boolean;
  /** A response left for the client (`outcome` as judged: `stale` included). */
  replied: (c: Ctx, job: number, version: number, outcome: Outcome, end: number) => void;
  /** A request ended for its client (answered, failed or given up on), and was counted. */
  outcome: (c: Ctx, key: number, outcome: Outcome, stale: boolean, isWrite: boolean) => void;
  /** Work was refused under load (`why`: one of refusals.ts's REFUSED_*), before it fails. */
  refused: (c: Ctx, why: number) => void;
  /** A failure of the scenario's timeline starts (`index` into `scenario.failures`). */
  failure: (c: Ctx, index: number) => void;
  /** That failure ends. */
  recover: (c: Ctx, index: number) => void;
}

export type PointName = keyof Points;
export type Hooks = { [P in PointName]: Points[P] | null };
/** What a mechanism does at which points, under one model. */
export type HookSet = { [P in PointName]?: Points[P] };

/**
 * What a mechanism is to the engine: one object that says what it reads, what it keeps and where it
 * acts. The registry (src/engine/registry.ts) lists them; the flow knows them only through this shape.
 * Every member is optional but `name` and `reads`. `M` is its model part, `S` its state, `P` its part of
 * the Summary (the engine's `Summary` type is built from the registry's `P`s). What it shows outside the
 * engine (its labels, figures, cost term and inspector notes) lives in files beside it, not here, so the
 * engine's worker does not carry the labels nor the main thread the engine (docs/adding-a-mechanism.md).
 */
export interface Mechanism<M = unknown, S = unknown, P extends object = object> {
  /** Its key in `Model.mech`, `State.mech` and the series' logs. */
  name: string;
  /** The scenario fields it reads (paths, as in docs/scenario-format.md). */
  reads: readonly string[];
  /**
   * Keys it addresses beyond the workload's, numbered after them (lookups of keys with no row, say); read
   * once, when the run's keyspace is laid out, so the fields it depends on are restart-only.
   */
  keys?(scenario: Scenario): number;
  /** What it derives from the scenario in force (null or anything when off); rebuilt at each live change. */
  model?(scenario: Scenario, env: ModelEnv): M;
  /** Its mutable state at the start of a run: plain data, so snapshots and restores copy it. */
  state?(m: Model, part: M): S;
  /** Which points it acts at under this model, and how. */
  hooks?(part: M, m: Model): HookSet;
  /** The event types it owns (see kinds.ts) and their handlers. */
  events?: readonly EventSpec[];
  /** The job kinds it owns and what the flow does with them. */
  jobs?: readonly JobSpec[];
  /** Work before the first event (after the arrivals and phases are scheduled, before the first sample). */
  start?(c: Ctx): void;
  /** A live change happened: grow, shrink, start or stop its state (`before`: the model before it). */
  reconcile?(c: Ctx, before: Model): void;
  /**
   * Its fields of the series point (name and merge rule; plain data, in its folder's `series.ts` so
   * the page reads them without the engine). Every point carries them, empty (0 or []) until `sample`
   * fills them.
   */
  series?: readonly SeriesField[];
  /**
   * A sample closed: fill its fields of the point (`series`; the flow's are filled, and those of the
   * mechanisms before it), or add to its own logs (`logs`).
   */
  sample?(c: Ctx, point: CoreSeriesPoint): void;
  /** Names of the series logs it keeps (`c.series.logs[name]`), rewound with the run's series. */
  logs?: readonly string[];
  /** Its part of the Summary. */
  summary?(c: Ctx): P;
  /** What the stage and the inspector show of it: added to the nodes' view, and to one key's. */
  nodeView?(c: Ctx, view: NodeView): void;
  keyView?(c: Ctx, key: number, view: KeyView): void;
  /** Supplies the copies of replicated keys the flow addresses (one mechanism at most). */
  copies?(part: M): Copies | null;
  /** Supplies the request made at each arrival (key and kind), in place of the flow's Zipf draw. */
  request?(part: M): ((c: Ctx) => void) | null;
  /** Supplies the arrival process itself, in place of the flow's Poisson one. */
  source?(part: M): Source | null;
  /** Supplies value sizes and TTLs key by key (one mechanism at most). */
  perKey?(part: M): PerKey | null;
}

export type EventHandler = (c: Ctx, a: number, b: number) => void;
export type EventSpec = readonly [type: number, handler: EventHandler];

/** A job kind a mechanism owns (its number from `jobKind`), and the flow's questions about it. */
export interface JobSpec {
  kind: number;
  /** A client waits on it: a failed query answers it with an error, a timeout may retry it. */
  client?: boolean;
  /** It waits for Redis's reply to its commands (default: when it has `redisReply`). */
  awaitsRedis?: boolean;
  /** Redis's reply to its command reached the instance. */
  redisReply?(c: Ctx, job: number, result: number): void;
  /** False when its database reads are counted elsewhere (not in `db.reads`). Default true. */
  countsAsRead?: boolean;
  /** Mean service time at the database, when not `database.readMs`. */
  serviceMs?(c: Ctx, job: number): number;
  /** Its query finished: true when the mechanism is done with it (no reply is sent). */
  dbDone?(c: Ctx, job: number): boolean;
  /** The database's reply reached the instance. */
  dbReply?(c: Ctx, job: number, version: number): void;
  /** Its query never got a connection (timed out or refused). Default: the job is dropped. */
  dbFailed?(c: Ctx, job: number): void;
}

/** An arrival process: schedules its first arrivals, and follows a change of `workload.rps`. */
export interface Source {
  start(c: Ctx): void;
  rateChanged(c: Ctx): void;
}

/**
 * Everything a run needs from the registry, built once per process: the mechanisms in order, the
 * dispatch table of their events and the tables of their job kinds (indexed by number).
 */
export interface Plan {
  mechanisms: readonly Mechanism[];
  handlers: (EventHandler | undefined)[];
  clientJob: Uint8Array;
  awaitsRedis: Uint8Array;
  countsAsRead: Uint8Array;
  redisReply: (JobSpec['redisReply'] | undefined)[];
  serviceMs: (JobSpec['serviceMs'] | undefined)[];
  dbDone: (JobSpec['dbDone'] | undefined)[];
  dbReply: (JobSpec['dbReply'] | undefined)[];
  dbFailed: (JobSpec['dbFailed'] | undefined)[];
  /** Every series log, in the order a snapshot records their lengths. */
  logs: readonly string[];
  /** Every field of a series point, the flow's and the mechanisms', in the order its JSON has them. */
  pointFields: readonly SeriesField[];
  /** A point with every field empty, its keys in that order (the flow fills its own, then the mechanisms). */
  blankPoint: () => CoreSeriesPoint;
  /** Two consecutive points as one, field by field (see src/series/field.ts). */
  mergePoints: (a: CoreSeriesPoint, b: CoreSeriesPoint) => CoreSeriesPoint;
  /** The Summary's fields in the order its JSON has them; fields not listed follow, in registry order. */
  summaryOrder: readonly string[];
}
