import './zodConfig.ts';
import { z } from 'zod';

/**
 * Scenario fields of stale-while-revalidate and stale-if-error in the app's own caches:
 * `cache.staleWindows`, one pair of windows for the instances' L1 and one for Redis (L2). A copy past
 * its TTL but within `whileRevalidateMs` is served at once while one background refresh goes to the
 * next tier; within `ifErrorMs` it is served when the next tier fails or times out. Every default is 0,
 * which leaves the mechanism off, so a scenario that does not mention it runs as before.
 */

const windowMs = z.number().finite().min(0).max(3_600_000);

export const tierWindowsSchema = z.strictObject({
  /** How long past its TTL a copy is still served at once, while one background refresh runs (ms). */
  whileRevalidateMs: windowMs.default(0),
  /** How long past its TTL a copy is served when the next tier answers with an error (ms). */
  ifErrorMs: windowMs.default(0),
});

export const staleWindowsSchema = z.strictObject({
  /** The instances' in-process caches: refreshed from Redis. */
  l1: tierWindowsSchema.prefault({}),
  /** Redis: refreshed from the database. */
  l2: tierWindowsSchema.prefault({}),
});

export type TierWindows = z.output<typeof tierWindowsSchema>;
