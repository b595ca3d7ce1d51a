import { schedule } from '../../core/eventQueue.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import { appNode, dbHop, EV_DB_REPLY, type Ctx } from '../../flow/context.ts';
import { JOB_READ, JOB_WRITE } from '../../flow/jobs.ts';
import { groupOf } from '../../flow/keyspace.ts';
import type { Mechanism } from '../../flow/mechanism.ts';
import type { Model } from '../../flow/model.ts';
import { traceHop } from '../../flow/trace.ts';

/**
 * A MySQL-style query cache in front of the database. It sits in front of execution and keeps each read's
 * result; any write to a table drops every cached result of that table at once, which is what made
 * MySQL's cache a net loss under writes (and why 8.0 removed it). A table is a key family, or the
 * single implicit table when there are no families.
 *
 * The cache is direct-mapped: `maxEntries` slots, a key's result goes in slot `key % maxEntries`,
 * replacing whatever was there. Dropping a table is O(1): each table has a generation number, an entry
 * is valid only while it carries its table's current generation.
 */
export interface QueryCacheState {
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

function createQueryCache(scenario: Scenario): QueryCacheState {
  const slots = slotsOf(scenario);
  const tables = Math.max(1, scenario.workload.families.length);
  return {
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

const stateOf = (c: Ctx): QueryCacheState => c.s.mech.queryCache as QueryCacheState;

/**
 * The query cache was switched on or off or resized mid-run: it starts over empty, as MySQL's does when
 * `query_cache_size` is set (the memory is freed and allocated anew). Its counters carry on.
 *
 * @example
 * reconcileQueryCache(c, before); // after a change of database.queryCache.maxEntries
 */
function reconcileQueryCache(c: Ctx, before: Model): void {
  const slots = slotsOf(c.m.scenario);
  const x = stateOf(c);
  if (slots === slotsOf(before.scenario)) return;
  x.qcKey = new Int32Array(slots).fill(-1);
  x.qcGen = new Float64Array(slots);
  x.qcVersion = new Float64Array(slots);
  x.tableLive.fill(0);
}

const tableOf = (m: Model, key: number): number => groupOf(m, key);

/**
 * A read reaches the database: on a query-cache hit it is answered without a connection or execution
 * (true), otherwise it proceeds as usual (false).
 */
function queryCacheLookup(c: Ctx, job: number): boolean {
  const s = c.s;
  if (s.jobs.kind[job] !== JOB_READ) return false;
  const x = stateOf(c);
  const key = s.jobs.key[job]!;
  const slot = key % x.qcKey.length;
  if (x.qcKey[slot] === key && x.qcGen[slot] === x.tableGen[tableOf(c.m, key)]) {
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
function queryCacheOnDone(c: Ctx, job: number, version: number): void {
  const x = stateOf(c);
  const key = c.s.jobs.key[job]!;
  const table = tableOf(c.m, key);
  if (c.s.jobs.kind[job] === JOB_WRITE) {
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
    const oldTable = tableOf(c.m, old);
    if (x.qcGen[slot] === x.tableGen[oldTable]) x.tableLive[oldTable]!--;
  }
  x.qcKey[slot] = key;
  x.qcGen[slot] = x.tableGen[table]!;
  x.qcVersion[slot] = version;
  x.tableLive[table]!++;
}

/** The database's query cache: lookups by reads, and table-wide flushes by writes. */
export interface QueryCacheSummary {
  enabled: boolean;
  hits: number;
  misses: number;
  hitRatio: number;
  invalidations: number;
  droppedEntries: number;
}

export const queryCache: Mechanism<boolean, QueryCacheState, { queryCache: QueryCacheSummary }> = {
  name: 'queryCache',
  reads: ['database.queryCache', 'workload.families'],
  model: (scenario) => scenario.database.queryCache.enabled,
  state: (m) => createQueryCache(m.scenario),
  hooks: (on) => (on ? { dbArrive: queryCacheLookup, dbDone: queryCacheOnDone } : {}),
  reconcile: reconcileQueryCache,
  summary: (c): { queryCache: QueryCacheSummary } => {
    const x = stateOf(c);
    const total = x.qcHits + x.qcMisses;
    return {
      queryCache: {
        enabled: c.m.scenario.database.queryCache.enabled,
        hits: x.qcHits,
        misses: x.qcMisses,
        hitRatio: total > 0 ? x.qcHits / total : 0,
        invalidations: x.qcInvalidations,
        droppedEntries: x.qcDropped,
      },
    };
  },
};
