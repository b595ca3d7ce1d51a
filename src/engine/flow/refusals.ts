import type { Ctx } from './shapes.ts';

/**
 * Why the system refused work under load, as the `refused` point tells it (the overload mechanism counts
 * them for its Summary part): a query turned away by a full pool queue (`database.maxQueue`), a command
 * by a shard with `cache.l2.maxQueue` waiting, a query that waited `database.acquireTimeoutMs`.
 */
export const REFUSED_DB_QUEUE = 0;
export const REFUSED_REDIS_QUEUE = 1;
export const REFUSED_ACQUIRE_TIMEOUT = 2;

/** Tells the mechanisms at the `refused` point (rare: only when work is refused). */
export function refused(c: Ctx, why: number): void {
  const hook = c.m.hooks.refused;
  if (hook !== null) hook(c, why);
}
