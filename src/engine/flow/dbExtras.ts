import { schedule } from '../core/eventQueue.ts';
import type { Scenario, Summary } from '../types.ts';
import { appNode, dbHop, EV_DB_REPLY, type Ctx } from './context.ts';
import type { FamilyModel } from './families.ts';
import type { Model } from './model.ts';
import { traceHop } from './trace.ts';

/**
 * Two database behaviours beyond the pool: latency spikes (a failure that multiplies service times)
 * and a MySQL-style query cache. The query cache sits in front of execution and keeps each read's
 * result; any write to a table drops every cached result of that table at once, which is what made
 * MySQL's cache a net loss under writes (and why 8.0 removed it). A table is a key family, or the
 * single implicit table when there are no families.
 *
 * The cache is direct-mapped: `maxEntries` slots, a key's result goes in slot `key % maxEntries`,
 * replacing whatever was there. Dropping a table is O(1): each table has a generation number, an entry
 * is valid only while it carries its table's current generation.
 */
export interface DbExtrasState {
  /** Product of the multipliers of the latency spikes in progress (1 when none). */
  latencyFactor: number;
  /** Multiplier of each failure in the timeline while it is active (1 when not). */
  activeSpike: Float64Array;
  qcKey: Int32Array;
  qcGen: Float64Array;
  qcVersion: Float64Array;
  tableGen: Float64Array;
  /** Valid entries per table, so a flush knows how many results it dropped. */
  tableLive: Float64Array;
  qcHits: number;
  qcMisses: number;
  qcInvalidations: number;
  qcDropped: number;
}

/** The query cache's slots: none when it is off. */
const slotsOf = (scenario: Scenario): number => {
  const qc = scenario.database.queryCache;
  return qc.enabled ? qc.maxEntries : 0;
};

export function createDbExtras(scenario: Scenario): DbExtrasState {
  const slots = slotsOf(scenario);
  const tables = Math.max(1, scenario.workload.families.length);
  return {
    latencyFactor: 1,
    activeSpike: new Float64Array(scenario.failures.length).fill(1),
    qcKey: new Int32Array(slots).fill(-1),
    qcGen: new Float64Array(slots),
    qcVersion: new Float64Array(slots),
    tableGen: new Float64Array(tables),
    tableLive: new Float64Array(tables),
    qcHits: 0,
    qcMisses: 0,
    qcInvalidations: 0,
    qcDropped: 0,
  };
}

/**
 * Starts or ends the latency spike at `index` of the failure timeline. Overlapping spikes multiply.
 *
 * @example
 * setDbLatencySpike(s.dbx, 0, 5); // service times x5 from now
 * setDbLatencySpike(s.dbx, 0, 1); // back to normal
 */
export function setDbLatencySpike(x: DbExtrasState, index: number, multiplier: number): void {
  x.activeSpike[index] = multiplier;
  let f = 1;
  for (let i = 0; i < x.activeSpike.length; i++) f *= x.activeSpike[i]!;
  x.latencyFactor = f;
}

/**
 * The query cache was switched on or off or resized mid-run: it starts over empty, as MySQL's does when
 * `query_cache_size` is set (the memory is freed and allocated anew). Its counters carry on.
 *
 * @example
 * reconcileQueryCache(c, before); // after a change of database.queryCache.maxEntries
 */
export function reconcileQueryCache(c: Ctx, before: Model): void {
  const slots = slotsOf(c.m.scenario);
  const x = c.s.dbx;
  if (slots === slotsOf(before.scenario)) return;
  x.qcKey = new Int32Array(slots).fill(-1);
  x.qcGen = new Float64Array(slots);
  x.qcVersion = new Float64Array(slots);
  x.tableLive.fill(0);
}

const tableOf = (fm: FamilyModel | null, key: number): number => (fm === null ? 0 : fm.familyOf[key]!);

/**
 * A read reaches the database: on a query-cache hit it is answered without a connection or execution
 * (true), otherwise it proceeds as usual (false).
 */
export function queryCacheLookup(c: Ctx, job: number): boolean {
  const s = c.s;
  const x = s.dbx;
  const key = s.jobs.key[job]!;
  const slot = key % x.qcKey.length;
  if (x.qcKey[slot] === key && x.qcGen[slot] === x.tableGen[tableOf(c.m.families, key)]) {
    x.qcHits++;
    const back = s.now + dbHop(c);
    schedule(s.queue, back, EV_DB_REPLY, job, x.qcVersion[slot]!);
    if (c.trace) {
      const inst = appNode(s.jobs.instance[job]!);
      traceHop(c.trace, s.jobs.requestId[job]!, key, 'db', inst, s.now, back, 'reply', 'db');
    }
    return true;
  }
  x.qcMisses++;
  return false;
}

/** A query finished: a read's result is cached; a write drops every cached result of its table. */
export function queryCacheOnDone(c: Ctx, key: number, isWrite: boolean, version: number): void {
  const x = c.s.dbx;
  const fm = c.m.families;
  const table = tableOf(fm, key);
  if (isWrite) {
    if (x.tableLive[table]! > 0) {
      x.qcInvalidations++;
      x.qcDropped += x.tableLive[table]!;
    }
    x.tableGen[table]!++;
    x.tableLive[table] = 0;
    return;
  }
  const slot = key % x.qcKey.length;
  const old = x.qcKey[slot]!;
  if (old >= 0) {
    const oldTable = tableOf(fm, old);
    if (x.qcGen[slot] === x.tableGen[oldTable]) x.tableLive[oldTable]!--;
  }
  x.qcKey[slot] = key;
  x.qcGen[slot] = x.tableGen[table]!;
  x.qcVersion[slot] = version;
  x.tableLive[table]!++;
}

/** The query cache's figures for the Summary. */
export function queryCacheSummary(m: { scenario: Scenario }, x: DbExtrasState): Summary['queryCache'] {
  const total = x.qcHits + x.qcMisses;
  return {
    enabled: m.scenario.database.queryCache.enabled,
    hits: x.qcHits,
    misses: x.qcMisses,
    hitRatio: total > 0 ? x.qcHits / total : 0,
    invalidations: x.qcInvalidations,
    droppedEntries: x.qcDropped,
  };
}
