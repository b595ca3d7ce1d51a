import type { Scenario } from '../../scenario/schema.ts';
import { buildRankSampler, rankCount, zipfProbabilities, type RankSampler } from '../core/zipf.ts';
import { buildShardLookup, keyPrefixCrc, slotRanges } from '../redis/keySlot.ts';
import { NO_COPIES } from './addressing.ts';
import { groupLayout, keyCountOf, keyGroups, keyName, type GroupLayout } from './keyspace.ts';
import { poissonSource } from './arrivals.ts';
import { composeHooks } from './points.ts';
import type { ModelEnv } from './modelParts.ts';
import type { HookSet, Model, Plan } from './shapes.ts';

export type { Model };

export { keyName };

/** The tables of a run that depend only on fields no live change can touch: the keyspace and the shards. */
interface Layout {
  keyCount: number;
  rowKeys: number;
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

function layoutOf(scenario: Scenario, plan: Pick<Plan, 'mechanisms'>): Layout {
  const rowKeys = keyCountOf(scenario);
  let keyCount = rowKeys;
  for (const mech of plan.mechanisms) keyCount += mech.keys?.(scenario) ?? 0;
  const shards = scenario.topology.redisShards;
  return {
    keyCount,
    rowKeys,
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

/**
 * Zipf tables kept between runs in this thread (a sweep's points, a re-run, the runs of a bench), the
 * least recently used forgotten beyond SHARED_TABLE_ENTRIES entries (about 20 bytes each). A table is
 * a pure function of its key count and exponent and is only read once built, so runs sharing one give
 * the figures each would give with its own: the sharing saves only the build, some 15 ms of a minute
 * of `baseline` (10^5 keys) on a warm engine and five times that on a cold one.
 */
const SHARED_TABLE_ENTRIES = 1 << 20;
const sharedTables = new Map<string, RankSampler>();
let sharedEntries = 0;

function sharedRankSampler(id: string, n: number, s: number): RankSampler {
  const known = sharedTables.get(id);
  if (known) {
    sharedTables.delete(id);
    sharedTables.set(id, known); // most recently used last
    return known;
  }
  const table = buildRankSampler(zipfProbabilities(n, s));
  if (n > SHARED_TABLE_ENTRIES) return table;
  sharedTables.set(id, table);
  sharedEntries += n;
  for (const [old, t] of sharedTables) {
    if (sharedEntries <= SHARED_TABLE_ENTRIES) break;
    sharedTables.delete(old);
    sharedEntries -= rankCount(t);
  }
  return table;
}

/** The rank sampler of Zipf(n, s): a pure function of both, so one forgotten and built again is the same. */
function aliasTable(cache: ModelCache, n: number, s: number): RankSampler {
  const id = `${n}:${s}`;
  const known = cache.alias.get(id);
  cache.alias.delete(id);
  const table = known ?? sharedRankSampler(id, n, s);
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
    cache.layout = layoutOf(scenario, plan);
    // Room for two models' worth of Zipf tables (about 20 bytes an entry): the one in force and the
    // previous one, so a slider dragged back to where it was rebuilds nothing.
    const familyKeys = cache.layout.groups ? cache.layout.rowKeys : 0;
    cache.aliasBudget = 2 * (workload.keys + familyKeys);
  }
  const { keyCount, rowKeys, ranges, slotToShard, shardOfKey, keyPrefixCrc, entryBytes } = cache.layout;
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
    rowKeys,
    groups,
    edgeHopMs: topology.cdn ? scenario.cdn.hopMs : 0,
    arrivalHopMs: topology.cdn ? scenario.cdn.hopMs : scenario.network.clientMs,
    redisMaxBacklogMs: cfg.l2.maxQueue * cfg.l2.serviceMs,
    redisShards: topology.redisShards,
    instances: topology.instances,
    randomBalancer: topology.loadBalancer === 'random',
    dbConnections: database.connections,
    clientMs: scenario.network.clientMs,
    redisMs: scenario.network.redisMs,
    dbMs: scenario.network.dbMs,
    jitterMs: scenario.network.jitterMs,
    l2ServiceMs: cfg.l2.serviceMs,
    ttlJitter: cfg.l2.ttlJitter,
    readRatio: workload.readRatio,
    l2ResetTtlMs: cfg.l2.ttlReset && cfg.l2.ttlMs !== null ? cfg.l2.ttlMs : null,
    dbMaxQueue: database.maxQueue ?? Infinity,
    entryBytes,
    mech: {},
    hooks: composeHooks([]),
    copies: NO_COPIES,
    request: null,
    source: poissonSource,
    perKey: null,
  };
  const env: ModelEnv = { keyCount, groups, table, shared: cache.shared };
  const sets: HookSet[] = [];
  for (const mech of plan.mechanisms) {
    const part = mech.model ? mech.model(scenario, env) : null;
    m.mech[mech.name] = part;
    m.copies = mech.copies?.(part) ?? m.copies;
    m.request = mech.request?.(part) ?? m.request;
    m.source = mech.source?.(part) ?? m.source;
    m.perKey = mech.perKey?.(part) ?? m.perKey;
  }
  for (const mech of plan.mechanisms) if (mech.hooks) sets.push(mech.hooks(m.mech[mech.name], m));
  m.hooks = composeHooks(sets);
  return m;
}
