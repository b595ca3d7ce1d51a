import type { Lesson } from '../types.ts';
import { evictionMemory, ttlHitRatio, whyCache } from './basics.ts';
import { cdcInvalidation, invalidationRace, l1Inconsistency, writeBehind } from './consistency.ts';
import { coldStart, hotKeys, stampede } from './load.ts';
import { cdnLeak, monitoring, whenNotToCache } from './operations.ts';
import { cachePenetration, leases } from './readGuards.ts';

/**
 * The curriculum in workshop order, following the arc of the seed article: what a cache buys, what
 * its TTL and memory trade, how writes keep it honest (or not), the load failures, the edge, the
 * dashboard, and when to leave data out.
 */
export const lessons: readonly Lesson[] = [
  whyCache,
  ttlHitRatio,
  evictionMemory,
  invalidationRace,
  writeBehind,
  cdcInvalidation,
  stampede,
  hotKeys,
  l1Inconsistency,
  coldStart,
  cdnLeak,
  monitoring,
  leases,
  cachePenetration,
  whenNotToCache,
];

export const getLesson = (id: string): Lesson | undefined => lessons.find((l) => l.id === id);
