import type { Scenario } from '../types.ts';
import { buildRankSampler, rankCount, zipfProbabilities, type RankSampler } from '../core/zipf.ts';
import { buildShardLookup, keyPrefixCrc, keySlot, numberedKeySlot, slotRanges } from '../redis/keySlot.ts';
import { buildCdn, type CdnModel } from './cdn.ts';
import {
  buildFamilies,
  familyKeyName,
  familyLayout,
  keyCountOf,
  type FamilyLayout,
  type FamilyModel,
} from './families.ts';
import { createMitigationModel, type MitigationModel } from './stampede/mitigation.ts';
import { createOverloadModel, type OverloadModel } from './overload.ts';
import { REPLICA_STRIDE } from './replication.ts';

/**
 * What a run derives from the scenario in force: popularity tables, slot ranges, the key -> shard map,
 * the settings the hot paths read. Kept apart from the mutable state so snapshots stay small. A live
 * change never mutates a model: the run gets a new one, built from the scenario after the change, that
 * shares every table the change cannot affect (see ModelCache).
 */
export interface Model {
  /** The scenario in force: the run's scenario with the changes applied so far (its `changes` empty). */
  scenario: Scenario;
  durationMs: number;
  seed: number;
  sampleIntervalMs: number;
  popularity: RankSampler;
  ranges: Array<[number, number]>;
  slotToShard: Uint16Array;
  /**
   * Shard of each key, filled lazily (-1 = not computed yet): hashing 2M names up front is slow. 16 bits:
   * 8 would hold only 127 shards besides the -1.
   */
  shardOfKey: Int16Array;
  /** Per family (one without families), the CRC16 of its key names' prefix; -1 when it holds a `{`. */
  keyPrefixCrc: Int32Array;
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
  /** Client timeouts and retries, the pool's acquire timeout, queue bounds. */
  overload: OverloadModel;
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

/** The tables of a run that depend only on fields no live change can touch: the keyspace and the shards. */
interface Layout {
  keyCount: number;
  ranges: Array<[number, number]>;
  slotToShard: Uint16Array;
  shardOfKey: Int16Array;
  keyPrefixCrc: Int32Array;
  entryBytes: Float64Array;
  families: FamilyLayout | null;
}

/**
 * What the models of one run share: its layout, built with the first model; Zipf alias tables by key
 * count and exponent, the least recently used forgotten beyond a budget, so dragging the Zipf slider
 * back and forth rebuilds little and memory stays bounded; the shards of replicated keys' copies.
 */
export interface ModelCache {
  layout: Layout | null;
  alias: Map<string, RankSampler>;
  /** Entries held by the alias tables in `alias`, and the most it may hold. */
  aliasEntries: number;
  aliasBudget: number;
  /** Shard of each copy of a replicated key (see replication.ts), filled lazily, grown on demand. */
  copyShard: Int16Array;
}

export function createModelCache(): ModelCache {
  return { layout: null, alias: new Map(), aliasEntries: 0, aliasBudget: 0, copyShard: new Int16Array(0) };
}

function layoutOf(scenario: Scenario): Layout {
  const keyCount = keyCountOf(scenario);
  const shards = scenario.topology.redisShards;
  return {
    keyCount,
    ranges: slotRanges(shards),
    slotToShard: buildShardLookup(shards),
    shardOfKey: new Int16Array(keyCount).fill(-1),
    keyPrefixCrc: Int32Array.from(
      scenario.workload.families.length === 0 ? ['key'] : scenario.workload.families.map((f) => f.name),
      (name) => keyPrefixCrc(`${name}:`) ?? -1,
    ),
    // Only families need the per-key size cache: without them a size is computed from the rank's digits.
    entryBytes: new Float64Array(scenario.workload.families.length > 0 ? keyCount : 0),
    families: scenario.workload.families.length > 0 ? familyLayout(scenario) : null,
  };
}

/** The rank sampler of Zipf(n, s): a pure function of both, so one forgotten and built again is the same. */
function aliasTable(cache: ModelCache, n: number, s: number): RankSampler {
  const id = `${n}:${s}`;
  const known = cache.alias.get(id);
  cache.alias.delete(id);
  const table = known ?? buildRankSampler(zipfProbabilities(n, s));
  cache.alias.set(id, table); // most recently used last
  if (known) return table;
  cache.aliasEntries += n;
  for (const [old, t] of cache.alias) {
    if (cache.aliasEntries <= cache.aliasBudget || old === id) break;
    cache.alias.delete(old);
    cache.aliasEntries -= rankCount(t);
  }
  return table;
}

/** The shared copy -> shard table, large enough for `replicatedKeys` keys. */
function copyShardTable(cache: ModelCache, replicatedKeys: number): Int16Array {
  const need = replicatedKeys * REPLICA_STRIDE;
  if (cache.copyShard.length < need) {
    const bigger = new Int16Array(need).fill(-1);
    bigger.set(cache.copyShard);
    cache.copyShard = bigger;
  }
  return cache.copyShard;
}

/**
 * The model of `scenario`. Pass the run's ModelCache to share tables with its earlier models (a live
 * change); without one, everything is built afresh.
 *
 * @example
 * const models = createModelCache();
 * const m = createModel(scenario, 60_000, 42, 1000, models);
 */
export function createModel(
  scenario: Scenario,
  durationMs: number,
  seed: number,
  sampleIntervalMs: number,
  cache: ModelCache = createModelCache(),
): Model {
  const { workload, topology, cache: cfg } = scenario;
  if (cache.layout === null) {
    cache.layout = layoutOf(scenario);
    // Room for two models' worth of Zipf tables (about 20 bytes an entry): the one in force and the
    // previous one, so a slider dragged back to where it was rebuilds nothing.
    const familyKeys = cache.layout.families ? cache.layout.keyCount : 0;
    cache.aliasBudget = 2 * (workload.keys + familyKeys);
  }
  const { keyCount, ranges, slotToShard, shardOfKey, keyPrefixCrc, entryBytes, families } = cache.layout;
  const table = (n: number, s: number) => aliasTable(cache, n, s);
  return {
    scenario,
    durationMs,
    seed,
    sampleIntervalMs,
    popularity: table(workload.keys, workload.zipf),
    ranges,
    slotToShard,
    shardOfKey,
    keyPrefixCrc,
    l1Enabled: cfg.l1.enabled && cfg.strategy !== 'none',
    coalesceReads:
      cfg.strategy !== 'none' &&
      (cfg.stampede.mode === 'single-flight' || (cfg.l1.enabled && cfg.l1.coalesce)),
    l1TtlMs: cfg.l1.ttlMs ?? Infinity,
    l2TtlMs: cfg.l2.ttlMs ?? Infinity,
    keyCount,
    families: buildFamilies(scenario, table, families),
    cdn: buildCdn(scenario),
    cdnHopMs: topology.cdn ? scenario.cdn.hopMs : 0,
    queryCacheOn: scenario.database.queryCache.enabled,
    monitoringOn: scenario.monitoring.enabled,
    mit: createMitigationModel(scenario, keyCount, (n) => copyShardTable(cache, n)),
    entryBytes,
    overload: createOverloadModel(scenario),
  };
}

export function shardOf(m: Model, key: number): number {
  let s = m.shardOfKey[key]!;
  if (s < 0) {
    s = m.slotToShard[slotOfKey(m, key)]!;
    m.shardOfKey[key] = s;
  }
  return s;
}

/** keySlot(keyName(key, m)), computed from the name's prefix and rank without building the string. */
function slotOfKey(m: Model, key: number): number {
  const fm = m.families;
  const f = fm === null ? 0 : fm.familyOf[key]!;
  const crc = m.keyPrefixCrc[f]!;
  if (crc < 0) return keySlot(keyName(key, m));
  return numberedKeySlot(crc, fm === null ? key : key - fm.offsets[f]!);
}
