import { l1Delete } from '../../core/l1Cache.ts';
import type { Ctx } from '../../flow/context.ts';
import { tracks } from './rules.ts';
import { underPrefix } from './server.ts';
import { trackingModel, trackingState } from './state.ts';

/**
 * The instance's side: an invalidation drops the L1 copy; a read that missed the L1 marks its key
 * "being fetched", and an invalidation that arrives before the value cancels the mark. A value whose
 * mark was cancelled may be older than what Redis now holds (the race Redis's documentation describes);
 * without the fix it is kept anyway and counted, with the fix it is served but not kept.
 */

/** EV_TRACK_INVALIDATE: an invalidation of `key` reaches instance `inst`. */
export function onInvalidate(c: Ctx, inst: number, key: number): void {
  const x = trackingState(c);
  x.received[inst]!++;
  x.intervalReceived++;
  if (c.m.l1Enabled && l1Delete(c.s.l1[inst]!, key)) x.dropped++;
  const fetching = x.fetching[inst]!;
  if (fetching.has(key)) fetching.set(key, 1);
}

/** `l1Miss`: the read will fetch its key. Never takes it. */
export function onL1Miss(c: Ctx, job: number): boolean {
  const j = c.s.jobs;
  trackingState(c).fetching[j.instance[job]!]!.set(j.key[job]!, 0);
  return false;
}

/** `l1Fill`: a fetched value was put in the L1. */
export function onL1Fill(c: Ctx, inst: number, key: number, version: number): void {
  const x = trackingState(c);
  const m = trackingModel(c);
  const fetching = x.fetching[inst]!;
  const mark = fetching.get(key);
  if (mark !== undefined) {
    fetching.delete(key);
    if (mark === 1) {
      if (m.raceFix) {
        l1Delete(c.s.l1[inst]!, key);
        x.racesPrevented++;
        return;
      }
      x.races++;
      if (version < c.s.db.latest[key]!) x.racesStale++;
    }
  }
  // Keys the app does not track it does not keep: nothing would tell it of their changes.
  const kept = m.bcast ? underPrefix(c, m, key) : tracks(m, key);
  if (!kept) l1Delete(c.s.l1[inst]!, key);
}
