import type { Scenario } from '../../scenario/schema.ts';
import { buildRankSampler, rankCount, zipfProbabilities, type RankSampler } from '../core/zipf.ts';
import { buildShardLookup, keyPrefixCrc, keySlot, numberedKeySlot, slotRanges } from '../redis/keySlot.ts';
import { NO_COPIES } from './addressing.ts';
import type { Ctx } from './context.ts';
import { groupLayout, keyCountOf, keyGroups, keyName, type GroupLayout, type KeyGroups } from './keyspace.ts';
import type { Copies, ModelEnv, Plan, Source } from './mechanism.ts';
import { composeHooks, type HookSet, type Hooks } from './points.ts';
import { poissonSource } from './requests.ts';

export { keyName };

/**
 * What a run derives from the scenario in force: popularity tables, slot ranges, the key -> shard map,
 * the settings the hot paths read, each mechanism's part and the hooks they put at the points. Kept
 * apart from the mutable state so snapshots stay small. A live change never mutates a model: the run
 * gets a new one, built from the scenario after the change, that shares every table the change cannot
 * affect (see ModelCache).
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
  /** Concurrent reads of one key on an instance share one fetch (a coalescing L1). */
  coalesceReads: boolean;
  l1TtlMs: number;
  l2TtlMs: number;
  /** Keys the run addresses (the families' total, or `workload.keys`): per-key arrays have this length. */
  keyCount: number;
  /** Key families' groups; null for the single implicit group. */
  groups: KeyGroups | null;
  /** One-way client <-> edge latency added to every response (0 without a CDN). */
  edgeHopMs: number;
  /** The hop a request takes to where it arrives: the edge's with a CDN, the client's without. */
  arrivalHopMs: number;
  /** A shard busy this far ahead (`cache.l2.maxQueue` commands) refuses a command. */
  redisMaxBacklogMs: number;
  /** Queries the pool's wait queue holds at most (`database.maxQueue`, Infinity when unbounded). */
  dbMaxQueue: number;
  /** Memory of each key's Redis entry, filled lazily (0 = not computed yet); see redisCore.ts. */
  entryBytes: Float64Array;
  /** Each mechanism's part, by name (see Mechanism.model). */
  mech: Record<string, unknown>;
  /** What the mechanisms in force do at each point (null: nothing). */
  hooks: Hooks;
  /** The copies of replicated keys the flow addresses (none unless a mechanism supplies them). */
  copies: Copies;
  /** Makes the request of an arrival, when a mechanism does instead of the flow's Zipf draw. */
  request: ((c: Ctx) => void) | null;
  /** The arrival process. */
  source: Source;
}

/** The tables of a run that depend only on fields no live change can touch: the keyspace and the shards. */
interface Layout {
  keyCount: number;
  ranges: Array<[number, number]>;
  slotToShard: Uint16Array;
  shardOfKey: Int16Array;
  keyPrefixCrc: Int32Array;
  entryBytes: Float64Array;
  groups: GroupLayout | null;
}

/**
 * What the models of one run share: its layout, built with the first model; Zipf alias tables by key
 * count and exponent, the least recently used forgotten beyond a budget, so dragging the Zipf slider
 * back and forth rebuilds little and memory stays bounded; tables mechanisms keep between models.
 */
export interface ModelCache {
  layout: Layout | null;
  alias: Map<string, RankSampler>;
  /** Entries held by the alias tables in `alias`, and the most it may hold. */
  aliasEntries: number;
  aliasBudget: number;
  shared: Map<string, unknown>;
}

export function createModelCache(): ModelCache {
  return { layout: null, alias: new Map(), aliasEntries: 0, aliasBudget: 0, shared: new Map() };
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
    groups: groupLayout(scenario),
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

/**
 * The model of `scenario` under the plan's mechanisms. Pass the run's ModelCache to share tables with its
 * earlier models (a live change); without one, everything is built afresh.
 *
 * @example
 * const models = createModelCache();
 * const m = createModel(scenario, 60_000, 42, 1000, plan, models);
 */
export function createModel(
  scenario: Scenario,
  durationMs: number,
  seed: number,
  sampleIntervalMs: number,
  plan: Pick<Plan, 'mechanisms'>,
  cache: ModelCache = createModelCache(),
): Model {
  const { workload, topology, cache: cfg, database } = scenario;
  if (cache.layout === null) {
    cache.layout = layoutOf(scenario);
    // Room for two models' worth of Zipf tables (about 20 bytes an entry): the one in force and the
    // previous one, so a slider dragged back to where it was rebuilds nothing.
    const familyKeys = cache.layout.groups ? cache.layout.keyCount : 0;
    cache.aliasBudget = 2 * (workload.keys + familyKeys);
  }
  const { keyCount, ranges, slotToShard, shardOfKey, keyPrefixCrc, entryBytes } = cache.layout;
  const table = (n: number, s: number) => aliasTable(cache, n, s);
  const groups = keyGroups(scenario, cache.layout.groups);
  const m: Model = {
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
    coalesceReads: cfg.strategy !== 'none' && cfg.l1.enabled && cfg.l1.coalesce,
    l1TtlMs: cfg.l1.ttlMs ?? Infinity,
    l2TtlMs: cfg.l2.ttlMs ?? Infinity,
    keyCount,
    groups,
    edgeHopMs: topology.cdn ? scenario.cdn.hopMs : 0,
    arrivalHopMs: topology.cdn ? scenario.cdn.hopMs : scenario.network.clientMs,
    redisMaxBacklogMs: cfg.l2.maxQueue * cfg.l2.serviceMs,
    dbMaxQueue: database.maxQueue ?? Infinity,
    entryBytes,
    mech: {},
    hooks: composeHooks([]),
    copies: NO_COPIES,
    request: null,
    source: poissonSource,
  };
  const env: ModelEnv = { keyCount, groups, table, shared: cache.shared };
  const sets: HookSet[] = [];
  for (const mech of plan.mechanisms) {
    const part = mech.model ? mech.model(scenario, env) : null;
    m.mech[mech.name] = part;
    m.copies = mech.copies?.(part) ?? m.copies;
    m.request = mech.request?.(part) ?? m.request;
    m.source = mech.source?.(part) ?? m.source;
  }
  for (const mech of plan.mechanisms) if (mech.hooks) sets.push(mech.hooks(m.mech[mech.name], m));
  m.hooks = composeHooks(sets);
  return m;
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
  const g = m.groups;
  const f = g === null ? 0 : g.groupOf[key]!;
  const crc = m.keyPrefixCrc[f]!;
  if (crc < 0) return keySlot(keyName(key, m));
  return numberedKeySlot(crc, g === null ? key : key - g.offsets[f]!);
}
