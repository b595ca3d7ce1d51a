import { definePreset } from './preset.ts';
import type { Preset } from './preset.ts';
import { l1Inconsistency } from './l1Inconsistency.ts';

/**
 * Redis's server-assisted client-side caching (CLIENT TRACKING, Redis 6+) beside the L1 it keeps
 * coherent: the Long L1 TTL preset with tracking on, then with the fix of its race; and a write-heavy
 * system where BCAST mode floods every instance with invalidations.
 */

const base = l1Inconsistency.input;
const { title: _t, description: _d, ...body } = base;
void _t;
void _d;

export const l1Tracking = definePreset(
  'l1-inconsistency-tracking',
  'Long L1 TTL, kept coherent by Redis tracking',
  'The Long L1 TTL preset with Redis tracking (client-side caching) on: each instance reads through ' +
    'a connection with tracking enabled, Redis remembers which keys it read, and when a write deletes ' +
    'a key Redis pushes an invalidation to every instance that read it, which drops its L1 copy. ' +
    'Compare the stale reads with the run without tracking: most are gone. Read the invalidations ' +
    'per instance per second (the cost), the tracking table peak keys / cap, and the tracking races: ' +
    'a read that missed the L1 and went to the database while an invalidation of its key passed keeps ' +
    'the value anyway; when that value is older than the database, nothing will invalidate it, and ' +
    'it is served stale until the L1 TTL ends. Then turn the tracking race fix on.',
  { ...body, cache: { ...body.cache, tracking: { enabled: true } } },
  ['staleReads', 'trackingPerInstance', 'trackingTable', 'trackingRaces'],
);

export const l1TrackingFix = definePreset(
  'l1-inconsistency-tracking-fix',
  'Long L1 TTL, tracking with the race fix',
  'Redis tracking with the fix its documentation gives for its race: before a read that missed the ' +
    'L1 fetches its key, the instance marks the key as being fetched; an invalidation that arrives ' +
    'meanwhile cancels the mark, and the value, when it comes, is served but not kept. Compare the ' +
    'stale reads with tracking alone: the values that stayed stale until the L1 TTL ended are gone, ' +
    'and the tracking races are now all prevented. The price: a lower L1 hit ratio.',
  { ...body, cache: { ...body.cache, tracking: { enabled: true, raceFix: true } } },
  ['staleReads', 'trackingRaces', 'l1HitRatio'],
);

const floodBody = {
  version: 1,
  seed: 42,
  durationMs: 30_000,
  workload: { rps: 2000, readRatio: 0.5, keys: 10_000, zipf: 0.8 },
  topology: { instances: 16, redisShards: 3 },
  cache: {
    strategy: 'cache-aside',
    l1: { enabled: true, ttlMs: 60_000, maxKeys: 1000 },
    l2: { ttlMs: 60_000 },
    tracking: { enabled: true, mode: 'bcast', noloop: true },
  },
} as const satisfies Preset['input'];

export const trackingBcastFlood = definePreset(
  'tracking-bcast-flood',
  'Redis tracking in BCAST mode: a write-heavy system floods every instance',
  'Sixteen instances subscribe to every key in BCAST mode: Redis keeps no table of who read what, ' +
    'so every write of any key is pushed to every instance, whether it holds the key or not. Half ' +
    'the requests are writes, so each instance receives an invalidation for nearly every write the ' +
    'system makes. Read the invalidations per instance per second, the invalidation messages sent, ' +
    'and the L1 copies dropped: ' +
    'most messages drop nothing. Then set the tracking mode to Default, where Redis remembers which ' +
    'instance read which key, and compare (the tracking table peak keys is the memory Redis pays ' +
    'for that).',
  floodBody,
  ['trackingPerInstance', 'trackingDropped', 'trackingSent'],
);
