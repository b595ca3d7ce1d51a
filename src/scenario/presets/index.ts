import { scenarioSchema, type Scenario } from '../schema.ts';
import type { Preset } from './preset.ts';
import { baseline } from './baseline.ts';
import { stampede } from './stampede.ts';
import { stampedeSingleFlight } from './stampedeSingleFlight.ts';
import { stampedeLock } from './stampedeLock.ts';
import { stampedeXfetch } from './stampedeXfetch.ts';
import { backgroundRefresh } from './backgroundRefresh.ts';
import { hotKeyReplicas } from './hotKeyReplicas.ts';
import { warming } from './warming.ts';
import { hotKeyManyShards } from './hotKeyManyShards.ts';
import { retryStorm } from './retryStorm.ts';
import { hotKey } from './hotKey.ts';
import { updateRace } from './updateRace.ts';
import { noCache } from './noCache.ts';
import { l1HotKey } from './l1HotKey.ts';
import { l1Inconsistency } from './l1Inconsistency.ts';
import { l1Tracking, l1TrackingFix, trackingBcastFlood } from './tracking.ts';
import { ttlTooShort } from './ttlTooShort.ts';
import { writeBehindCrash } from './writeBehindCrash.ts';
import { writeBehindUnordered } from './writeBehindUnordered.ts';
import { cdc } from './cdc.ts';
import { cdcOutage } from './cdcOutage.ts';

import { cdn } from './cdn.ts';
import { cdnLeak } from './cdnLeak.ts';
import { queryCache } from './queryCache.ts';
import { dbLatencySpike } from './dbLatencySpike.ts';
import { families } from './families.ts';
import { partialCaching, wholeObject } from './partialCaching.ts';
import { redisRestartCold } from './redisRestartCold.ts';
import { redisRestartAof } from './redisRestartAof.ts';
import { shardCrash } from './shardCrash.ts';
import { redisDownFail } from './redisDownFail.ts';
import { deploy } from './deploy.ts';
import { memoryPressure } from './memoryPressure.ts';
import { lfuVsLru } from './lfuVsLru.ts';
import { stampedeLeases, staleSet, staleSetLeases } from './leases.ts';
import { cachePenetration, cachePenetrationBloom } from './penetration.ts';
import { cdnDbOutage, cdnDbOutageStaleIfError, cdnHotKey, cdnHotKeySwr } from './staleWindows.ts';
import {
  dbOutageBehindRedis,
  dbOutageRedisStaleIfError,
  l1HotKeyExpiry,
  l1HotKeySwr,
} from './appStaleWindows.ts';

export type { Preset };

/** In the order a workshop meets them: the healthy system first, then one failure at a time. */
export const presets: readonly Preset[] = [
  baseline,
  noCache,
  stampede,
  stampedeSingleFlight,
  stampedeLock,
  stampedeXfetch,
  stampedeLeases,
  backgroundRefresh,
  warming,
  retryStorm,
  hotKey,
  hotKeyManyShards,
  l1HotKey,
  l1HotKeyExpiry,
  l1HotKeySwr,
  hotKeyReplicas,
  updateRace,
  staleSet,
  staleSetLeases,
  l1Inconsistency,
  l1Tracking,
  l1TrackingFix,
  trackingBcastFlood,
  ttlTooShort,
  cachePenetration,
  cachePenetrationBloom,
  families,
  partialCaching,
  wholeObject,
  cdn,
  cdnLeak,
  cdnHotKey,
  cdnHotKeySwr,
  cdnDbOutage,
  cdnDbOutageStaleIfError,
  dbOutageBehindRedis,
  dbOutageRedisStaleIfError,
  queryCache,
  dbLatencySpike,
  redisRestartCold,
  redisRestartAof,
  shardCrash,
  redisDownFail,
  deploy,
  memoryPressure,
  lfuVsLru,
  writeBehindCrash,
  writeBehindUnordered,
  cdc,
  cdcOutage,
];

export const presetIds: readonly string[] = presets.map((p) => p.id);

/** The preset with every default filled in (a fresh copy each call), or undefined for an unknown id. */
export function getPreset(id: string): Scenario | undefined {
  const preset = presets.find((p) => p.id === id);
  // parse, not safeParse: a preset that fails the schema is a bug that the presets test catches.
  return preset ? scenarioSchema.parse(preset.input) : undefined;
}
