import type { Scenario } from '../types.ts';
import { buildAliasTable, zipfProbabilities, type AliasTable } from '../core/zipf.ts';
import { buildShardLookup, keySlot, slotRanges } from '../redis/keySlot.ts';
import { buildCdn, type CdnModel } from './cdn.ts';
import { buildFamilies, familyKeyName, keyCountOf, type FamilyModel } from './families.ts';
import { createMitigationModel, type MitigationModel } from './stampede/mitigation.ts';

/**
 * What a run derives once from its scenario and never changes: popularity tables, slot ranges,
 * the key -> shard map. Kept apart from the mutable state so snapshots stay small.
 */
export interface Model {
  scenario: Scenario;
  durationMs: number;
  seed: number;
  sampleIntervalMs: number;
  popularity: AliasTable;
  ranges: Array<[number, number]>;
  slotToShard: Uint16Array;
  /**
   * Shard of each key, filled lazily (-1 = not computed yet): hashing 2M names up front is slow. 16 bits:
   * 8 would hold only 127 shards besides the -1.
   */
  shardOfKey: Int16Array;
  l1Enabled: boolean;
  /** Concurrent reads of one key on an instance share one fetch (single-flight, or a coalescing L1). */
  coalesceReads: boolean;
  l1TtlMs: number;
  l2TtlMs: number;
  /** Keys the run addresses (the families' total, or `workload.keys`): per-key arrays have this length. */
  keyCount: number;
  /** Key families; null for the single implicit family. */
  families: FamilyModel | null;
  /** The CDN edge; null when `topology.cdn` is off. */
  cdn: CdnModel | null;
  /** One-way client <-> edge latency added to every response (0 without a CDN). */
  cdnHopMs: number;
  queryCacheOn: boolean;
  monitoringOn: boolean;
  /** Stampede and hot-key mitigations (lock, XFetch, refresh, warming, replication, TTL jitter). */
  mit: MitigationModel;
  /** Memory of each key's Redis entry, filled lazily (0 = not computed yet); see redisOps.ts. */
  entryBytes: Float64Array;
}

/**
 * The Redis key name of a workload key: `key:<rank>`, or `<family>:<rank>` when the model has families.
 *
 * @example keyName(3) // 'key:3'
 */
export function keyName(key: number, m?: Pick<Model, 'families'> | null): string {
  const fm = m?.families ?? null;
  return fm === null ? `key:${key}` : familyKeyName(fm, key);
}

export function createModel(
  scenario: Scenario,
  durationMs: number,
  seed: number,
  sampleIntervalMs: number,
): Model {
  const { workload, topology, cache } = scenario;
  return {
    scenario,
    durationMs,
    seed,
    sampleIntervalMs,
    popularity: buildAliasTable(zipfProbabilities(workload.keys, workload.zipf)),
    ranges: slotRanges(topology.redisShards),
    slotToShard: buildShardLookup(topology.redisShards),
    shardOfKey: new Int16Array(keyCountOf(scenario)).fill(-1),
    l1Enabled: cache.l1.enabled && cache.strategy !== 'none',
    coalesceReads:
      cache.strategy !== 'none' &&
      (cache.stampede.mode === 'single-flight' || (cache.l1.enabled && cache.l1.coalesce)),
    l1TtlMs: cache.l1.ttlMs ?? Infinity,
    l2TtlMs: cache.l2.ttlMs ?? Infinity,
    keyCount: keyCountOf(scenario),
    families: buildFamilies(scenario),
    cdn: buildCdn(scenario),
    cdnHopMs: topology.cdn ? scenario.cdn.hopMs : 0,
    queryCacheOn: scenario.database.queryCache.enabled,
    monitoringOn: scenario.monitoring.enabled,
    mit: createMitigationModel(scenario, keyCountOf(scenario)),
    entryBytes: new Float64Array(keyCountOf(scenario)),
  };
}

export function shardOf(m: Model, key: number): number {
  let s = m.shardOfKey[key]!;
  if (s < 0) {
    s = m.slotToShard[keySlot(keyName(key, m))]!;
    m.shardOfKey[key] = s;
  }
  return s;
}
