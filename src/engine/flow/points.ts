import type { Ctx, HookSet, Hooks, PointName, Points } from './shapes.ts';

export type { HookSet, Hooks, PointName, Points };

/** The points that stop at the first hook returning true. */
const TAKING: ReadonlySet<PointName> = new Set([
  'arrive',
  'write',
  'read',
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
  'read',
  'l1Miss',
  'l1Fill',
  'l2Hit',
  'l2Miss',
  'redisCommand',
  'redisDone',
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
