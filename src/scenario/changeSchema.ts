import './zodConfig.ts';
import { z } from 'zod';

/**
 * The shape of one live change, `{ atMs, path, value }`. Kept in a file that imports nothing but zod (and its setting),
 * because `schema.ts` mounts it while `changes.ts` (which checks paths and values against the whole
 * scenario schema) imports `schema.ts`: a file of its own keeps that cycle harmless.
 */

/**
 * Most entries a scenario's `changes` may hold: a slider dragged for well over a minute, one change per
 * animation frame. Each entry is replayed on every seek, and a link carries them all.
 */
export const MAX_CHANGES = 5000;

export const changeSchema = z.strictObject({
  /** When the change takes effect: after every event at or before this simulated time. */
  atMs: z.number().finite().min(0),
  /** The dotted path of a field that may change mid-run, e.g. `cache.l2.ttlMs` (see LIVE_PATHS). */
  path: z.string().max(100),
  /** The field's new value, checked by that field's own schema. */
  value: z.unknown(),
});

/** One change as the engine and the scenario hold it. */
export type Change = z.output<typeof changeSchema>;
