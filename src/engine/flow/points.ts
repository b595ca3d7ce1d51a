import type { Ctx } from './context.ts';
import type { Outcome } from './types.ts';

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
   * refuses it: the store is left as it is and the reply says MISS.
   */
  redisCommand: (c: Ctx, job: number, op: number, shard: number, doneAt: number) => boolean;
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
  /** A response is about to leave for the client, landing at `end`: true when the client is gone. */
  replying: (c: Ctx, job: number, end: number) => boolean;
  /** A response left for the client (`outcome` as judged: `stale` included). */
  replied: (c: Ctx, job: number, version: number, outcome: Outcome, end: number) => void;
  /** A request ended for its client (answered, failed or given up on), and was counted. */
  outcome: (c: Ctx, key: number, outcome: Outcome, stale: boolean, isWrite: boolean) => void;
  /** A failure of the scenario's timeline starts (`index` into `scenario.failures`). */
  failure: (c: Ctx, index: number) => void;
  /** That failure ends. */
  recover: (c: Ctx, index: number) => void;
}

export type PointName = keyof Points;
export type Hooks = { [P in PointName]: Points[P] | null };
/** What a mechanism does at which points, under one model. */
export type HookSet = { [P in PointName]?: Points[P] };

/** The points that stop at the first hook returning true. */
const TAKING: ReadonlySet<PointName> = new Set([
  'arrive',
  'write',
  'l1Miss',
  'l2Miss',
  'redisCommand',
  'dbArrive',
  'replying',
]);

type AnyHook = (c: Ctx, a: never, b: never, d: never, e: never) => unknown;
type Fn5 = (c: Ctx, a: unknown, b: unknown, d: unknown, e: unknown) => unknown;

/** Two hooks as one, with a fixed number of arguments (no rest array per call). */
function pair(f: Fn5, g: Fn5, taking: boolean): Fn5 {
  return taking
    ? (c, a, b, d, e) => f(c, a, b, d, e) === true || g(c, a, b, d, e) === true
    : (c, a, b, d, e) => {
        f(c, a, b, d, e);
        g(c, a, b, d, e);
      };
}

/**
 * The hooks of every mechanism, point by point, each point's in the order given.
 *
 * @example
 * const hooks = composeHooks([overloadHooks, cdnHooks]); // hooks.arrive: overload's, then the CDN's
 */
export function composeHooks(sets: readonly HookSet[]): Hooks {
  const out = {} as Record<PointName, Fn5 | null>;
  for (const point of POINTS) {
    let f: Fn5 | null = null;
    for (const set of sets) {
      const g = set[point] as AnyHook | undefined;
      if (g === undefined) continue;
      f = f === null ? (g as Fn5) : pair(f, g as Fn5, TAKING.has(point));
    }
    out[point] = f;
  }
  return out as unknown as Hooks;
}

const POINTS: readonly PointName[] = [
  'arrive',
  'write',
  'l1Miss',
  'l1Fill',
  'l2Hit',
  'l2Miss',
  'redisCommand',
  'dbArrive',
  'dbQueued',
  'commit',
  'dbDone',
  'dbReply',
  'replying',
  'replied',
  'outcome',
  'failure',
  'recover',
];
