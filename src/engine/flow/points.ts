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
 * Every point, with no hook: a literal naming them all, so the hooks object has its fields from the
 * start. Grown from `{}` point by point (`out[point] = f`, keyed stores), V8 puts an object in dictionary
 * mode past 16 fields (4 inside it, 12 beside), and every `c.m.hooks.<point>` read on the hot paths
 * becomes a call to V8's generic load with a hash lookup: a 20th point added that way cost the engine
 * 10-15% (`npm run bench`, ARCHITECTURE.md). Typed as a record of every point, so a point added to
 * `Points` must be added here; `test/engine/points.test.ts` asks V8 whether the object is still fast.
 */
const noHooks = (): Record<PointName, Fn5 | null> => ({
  arrive: null,
  write: null,
  read: null,
  l1Miss: null,
  l1Fill: null,
  l2Hit: null,
  l2Miss: null,
  redisCommand: null,
  redisDone: null,
  dbArrive: null,
  dbQueued: null,
  commit: null,
  dbDone: null,
  dbReply: null,
  replying: null,
  replied: null,
  outcome: null,
  refused: null,
  failure: null,
  recover: null,
});

const POINTS = Object.keys(noHooks()) as readonly PointName[];

/**
 * The hooks of every mechanism, point by point, each point's in the order given.
 *
 * @example
 * const hooks = composeHooks([overloadHooks, cdnHooks]); // hooks.arrive: overload's, then the CDN's
 */
export function composeHooks(sets: readonly HookSet[]): Hooks {
  const out = noHooks();
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
