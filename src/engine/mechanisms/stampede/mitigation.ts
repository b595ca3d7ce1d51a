import type { Scenario } from '../../../scenario/schema.ts';
import type { Ctx } from '../../flow/context.ts';
import { eventType, jobKind } from '../../flow/kinds.ts';
import type { Model } from '../../flow/model.ts';

/**
 * Shared pieces of the stampede mitigations: what they derive once from the scenario, the plain-data
 * state they keep, their event types and job kinds.
 */

/** A lock-protocol command reaches the key's shard. a: job, b: command and copy (see `packOp`). */
export const EV_LOCK_CMD = eventType('stampede.lockCommand');
/** The shard's answer reaches the instance. a: job, b: packed reply (see `packReply`). */
export const EV_LOCK_REPLY = eventType('stampede.lockReply');
/** A request that lost the lock wakes up from its backoff sleep. a: job. */
export const EV_LOCK_BACKOFF = eventType('stampede.lockBackoff');
/** The background refresher looks at one watched key. a: key, b: generation. */
export const EV_REFRESH_TICK = eventType('stampede.refreshTick');
/** The warm-up after a restart loads the next key. a: rank to load, b: rank to stop before. */
export const EV_WARM = eventType('stampede.warm');

/** A read that holds the lock: after the database, SET the value, then DEL the lock, then answer. */
export const JOB_LOCK_HOLDER = jobKind('stampede.lockHolder');
/** A read that gave up waiting for the lock: answers from the database, caches nothing. */
export const JOB_FALL_THROUGH = jobKind('stampede.fallThrough');
/** Background re-fetches: XFetch's early recompute, the refresher's, the warm-up's. */
export const JOB_XFETCH = jobKind('stampede.xfetch');
export const JOB_REFRESH = jobKind('stampede.refresh');
export const JOB_WARM = jobKind('stampede.warm');

/** Derived once from the scenario; never mutated. */
export interface MitigationModel {
  lock: boolean;
  xfetch: boolean;
  refresh: boolean;
  singleFlight: boolean;
  beta: number;
  /** XFetch's δ for a value whose recompute was never measured (a warmed key): the expected round trip. */
  deltaPriorMs: number;
  lockTtlMs: number;
  backoffMs: number;
  maxRetries: number;
  refreshKeys: number;
  refreshAt: number;
  warming: Scenario['cache']['warming'];
}

export function createMitigationModel(scenario: Scenario, keyCount: number): MitigationModel {
  const { stampede, l2, warming } = scenario.cache;
  const cached = scenario.cache.strategy !== 'none';
  return {
    lock: cached && stampede.mode === 'lock',
    xfetch: cached && stampede.mode === 'xfetch',
    refresh: cached && stampede.mode === 'background-refresh',
    singleFlight: cached && stampede.mode === 'single-flight',
    beta: stampede.beta,
    deltaPriorMs:
      scenario.database.readMs + 2 * (scenario.network.dbMs + scenario.network.redisMs) + l2.serviceMs,
    lockTtlMs: stampede.lockTtlMs,
    backoffMs: stampede.backoffMs,
    maxRetries: stampede.maxRetries,
    refreshKeys: Math.min(stampede.refreshTopKeys, keyCount),
    refreshAt: stampede.refreshAt,
    warming,
  };
}

/** Mutable, plain data: snapshotted with the rest of the state. */
export interface MitigationState {
  /** Per shard, the lock keyspace: key -> expiry of `lock:{key:N}`. */
  locks: Map<number, number>[];
  /** XFetch: per key, the recompute time δ measured for the value last stored (empty when off). */
  delta: Float64Array;
  /** XFetch: per key, the expiry of the value whose refresh cycle was last counted. */
  cycleExpiry: Float64Array;
  lockAcquisitions: number;
  lockWaits: number;
  lockFallThroughs: number;
  xfetchRecomputes: number;
  xfetchCycles: number;
  refreshReads: number;
  /** The background refresher's generation: wake-ups of an earlier start carry an older number. */
  refreshGen: number;
  warmingReads: number;
}

export function createMitigationState(m: Model, mit: MitigationModel): MitigationState {
  const keys = mit.xfetch ? m.keyCount : 0;
  return {
    locks: Array.from({ length: m.scenario.topology.redisShards }, () => new Map<number, number>()),
    delta: new Float64Array(keys),
    cycleExpiry: new Float64Array(keys).fill(-1),
    lockAcquisitions: 0,
    lockWaits: 0,
    lockFallThroughs: 0,
    xfetchRecomputes: 0,
    xfetchCycles: 0,
    refreshReads: 0,
    refreshGen: 0,
    warmingReads: 0,
  };
}

export const mitOf = (c: Ctx): MitigationModel => c.m.mech.stampede as MitigationModel;
export const mitState = (c: Ctx): MitigationState => c.s.mech.stampede as MitigationState;
