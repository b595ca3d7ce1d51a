import type { Scenario } from '../types.ts';
import { buildAliasTable, zipfProbabilities, type AliasTable } from '../core/zipf.ts';
import { buildShardLookup, keySlot, slotRanges } from '../redis/keySlot.ts';

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
  slotToShard: Uint8Array;
  /** Shard of each key, filled lazily (-1 = not computed yet): hashing 2M names up front is slow. */
  shardOfKey: Int8Array;
  l1Enabled: boolean;
  l1TtlMs: number;
  l2TtlMs: number;
}

/** The Redis key name of a workload key (keys are numbered by popularity rank). */
export function keyName(key: number): string {
  return `key:${key}`;
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
    shardOfKey: new Int8Array(workload.keys).fill(-1),
    l1Enabled: cache.l1.enabled && cache.strategy !== 'none',
    l1TtlMs: cache.l1.ttlMs ?? Infinity,
    l2TtlMs: cache.l2.ttlMs ?? Infinity,
  };
}

export function shardOf(m: Model, key: number): number {
  let s = m.shardOfKey[key]!;
  if (s < 0) {
    s = m.slotToShard[keySlot(keyName(key))]!;
    m.shardOfKey[key] = s;
  }
  return s;
}
