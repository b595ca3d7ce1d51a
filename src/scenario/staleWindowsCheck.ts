import type { z } from 'zod';
import type { TierWindows } from './staleWindowsSchema.ts';

/** The fields the check reads, as loosely as zod may hand them over when other fields failed. */
interface Loose {
  cache?: {
    strategy?: unknown;
    l1?: { enabled?: unknown };
    staleWindows?: { l1?: Partial<TierWindows>; l2?: Partial<TierWindows> };
  };
}

const on = (w: Partial<TierWindows> | undefined): boolean =>
  (w?.whileRevalidateMs ?? 0) > 0 || (w?.ifErrorMs ?? 0) > 0;

/**
 * `cache.staleWindows` across fields: windows of a cache that is not there would silently do nothing,
 * so they are refused with the reason (an L1 turned off, or no caching at all).
 */
export function checkStaleWindows(scenario: Loose, ctx: z.RefinementCtx): void {
  const cache = scenario.cache;
  const w = cache?.staleWindows;
  if (w === undefined) return;
  if (cache?.strategy === 'none') {
    for (const tier of ['l1', 'l2'] as const) {
      if (on(w[tier])) {
        ctx.addIssue({
          code: 'custom',
          path: ['cache', 'staleWindows', tier],
          message: 'expected no stale windows with cache.strategy "none" (nothing is cached to serve stale)',
        });
      }
    }
    return;
  }
  if (on(w.l1) && cache?.l1?.enabled === false) {
    ctx.addIssue({
      code: 'custom',
      path: ['cache', 'staleWindows', 'l1'],
      message: 'expected cache.l1.enabled true for L1 stale windows (the instances keep no in-process copy)',
    });
  }
}
