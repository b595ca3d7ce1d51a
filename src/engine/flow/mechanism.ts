import type { Scenario } from '../../scenario/schema.ts';
import type { RankSampler } from '../core/zipf.ts';
import type { Ctx } from './context.ts';
import type { KeyGroups } from './keyspace.ts';
import { eventName, eventTypeCount, FIRST_EVENT, jobKindCount } from './kinds.ts';
import type { Model } from './model.ts';
import type { HookSet } from './points.ts';
import type { KeyView, NodeView, SeriesPoint } from './types.ts';

/**
 * What a mechanism is to the engine: one object that says what it reads, what it keeps and where it
 * acts. The registry (src/engine/registry.ts) lists them; the flow knows them only through this shape.
 * Every member is optional but `name` and `reads`. `M` is its model part, `S` its state, `P` its part of
 * the Summary (the engine's `Summary` type is built from the registry's `P`s).
 */
export interface Mechanism<M = unknown, S = unknown, P extends object = object> {
  /** Its key in `Model.mech`, `State.mech` and the series' logs. */
  name: string;
  /** The scenario fields it reads (paths, as in docs/scenario-format.md). */
  reads: readonly string[];
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
  /** A sample closed: add to the point, or to its own logs (`logs`). */
  sample?(c: Ctx, point: SeriesPoint): void;
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
}

/** What `Mechanism.model` gets besides the scenario. */
export interface ModelEnv {
  /** Keys the run addresses, and their groups (families; null without). */
  keyCount: number;
  groups: KeyGroups | null;
  /** The Zipf rank sampler for `keys` and exponent `zipf`, shared between the run's models. */
  table(keys: number, zipf: number): RankSampler;
  /** Tables a mechanism keeps from one model to the next in a run (by its name), e.g. lazily filled ones. */
  shared: Map<string, unknown>;
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

/** The copies of hot keys in Redis: which keys have them, how many, and on which shards (see addressing.ts). */
export interface Copies {
  /** Copies per replicated key (1 = off). */
  replicas: number;
  /** Keys with a rank below this are replicated (0 when none are). */
  replicatedKeys: number;
  /** Store id of copy r of key k: `firstId + k * REPLICA_STRIDE + r`. */
  firstId: number;
  /** Shard of copy r of key k at `k * REPLICA_STRIDE + r` (-1: not computed yet). */
  copyShard: Int16Array;
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
  /** The Summary's fields in the order its JSON has them; fields not listed follow, in registry order. */
  summaryOrder: readonly string[];
}

/**
 * The plan of a list of mechanisms. Throws when two claim one event type or job kind, or when an event
 * type handed out has no handler.
 *
 * @example
 * const plan = buildPlan([overload, cdn], CORE_JOBS);
 */
export function buildPlan(
  mechanisms: readonly Mechanism[],
  coreJobs: readonly JobSpec[],
  summaryOrder: readonly string[] = [],
): Plan {
  const kinds = jobKindCount();
  const plan: Plan = {
    mechanisms,
    handlers: new Array(eventTypeCount()).fill(undefined),
    clientJob: new Uint8Array(kinds),
    awaitsRedis: new Uint8Array(kinds),
    countsAsRead: new Uint8Array(kinds).fill(1),
    redisReply: new Array(kinds).fill(undefined),
    serviceMs: new Array(kinds).fill(undefined),
    dbDone: new Array(kinds).fill(undefined),
    dbReply: new Array(kinds).fill(undefined),
    dbFailed: new Array(kinds).fill(undefined),
    logs: mechanisms.flatMap((m) => m.logs ?? []),
    summaryOrder,
  };
  const names = new Set<string>();
  const jobs = [...coreJobs, ...mechanisms.flatMap((m) => m.jobs ?? [])];
  for (const m of mechanisms) {
    if (names.has(m.name)) throw new Error(`two mechanisms are named ${m.name}`);
    names.add(m.name);
    for (const [type, handler] of m.events ?? []) {
      if (plan.handlers[type] !== undefined) throw new Error(`${m.name}: event type ${type} has a handler`);
      plan.handlers[type] = handler;
    }
  }
  for (let type = FIRST_EVENT; type < plan.handlers.length; type++) {
    if (plan.handlers[type] === undefined) throw new Error(`${eventName(type)} has no handler`);
  }
  const seen = new Set<number>();
  for (const j of jobs) {
    if (seen.has(j.kind)) throw new Error(`job kind ${j.kind} is claimed twice`);
    seen.add(j.kind);
    plan.clientJob[j.kind] = j.client ? 1 : 0;
    plan.awaitsRedis[j.kind] = (j.awaitsRedis ?? j.redisReply !== undefined) ? 1 : 0;
    plan.countsAsRead[j.kind] = j.countsAsRead === false ? 0 : 1;
    plan.redisReply[j.kind] = j.redisReply;
    plan.serviceMs[j.kind] = j.serviceMs;
    plan.dbDone[j.kind] = j.dbDone;
    plan.dbReply[j.kind] = j.dbReply;
    plan.dbFailed[j.kind] = j.dbFailed;
  }
  return plan;
}
