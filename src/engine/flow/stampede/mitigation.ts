import { random } from '../../core/rng.ts';
import type { Scenario, Summary } from '../../types.ts';
import type { Ctx } from '../context.ts';
import type { Model } from '../model.ts';
import { buildReplicaModel, type ReplicaModel } from '../replication.ts';

/**
 * Shared pieces of the stampede and hot-key mitigations: what they derive once from the scenario, the
 * plain-data state they keep, their event types (reserved range 40-49) and job kinds, and the few helpers
 * the generic flows call. Every hook costs the default configuration one cheap branch at most.
 */

// Event types (40-49 are reserved for these mitigations in context.ts).
/** A lock-protocol command reaches the key's shard. a: job, b: LOCK_CMD_*. */
export const EV_LOCK_CMD = 40;
/** The shard's answer reaches the instance. a: job, b: packed reply (see `packReply`). */
export const EV_LOCK_REPLY = 41;
/** A request that lost the lock wakes up from its backoff sleep. a: job. */
export const EV_LOCK_BACKOFF = 42;
/** The background refresher looks at one watched key. a: key. */
export const EV_REFRESH_TICK = 43;
/** The warm-up after a restart loads the next key. a: rank to load, b: rank to stop before. */
export const EV_WARM = 44;

// Job kinds, above the generic ones, so `onDbReply` hands them here with one range check.
export const JOB_MIT_FIRST = 40;
/** A read that holds the lock: after the database, SET the value, then DEL the lock, then answer. */
export const JOB_LOCK_HOLDER = 40;
/** A read that gave up waiting for the lock: answers from the database, caches nothing. */
export const JOB_FALL_THROUGH = 41;
/** Background re-fetches: XFetch's early recompute, the refresher's, the warm-up's. */
export const JOB_XFETCH = 42;
export const JOB_REFRESH = 43;
export const JOB_WARM = 44;
export const JOB_MIT_LAST = 49;

/** Keys (by popularity rank) whose Redis reads are counted one by one for the Summary. */
export const HOT_TRACKED = 10;

/** Derived once from the scenario; never mutated. */
export interface MitigationModel {
  lock: boolean;
  xfetch: boolean;
  refresh: boolean;
  beta: number;
  /** XFetch's δ for a value whose recompute was never measured (a warmed key): the expected round trip. */
  deltaPriorMs: number;
  lockTtlMs: number;
  backoffMs: number;
  maxRetries: number;
  refreshKeys: number;
  refreshAt: number;
  ttlJitter: number;
  warming: Scenario['cache']['warming'];
  replica: ReplicaModel;
}

/** `copyShardFor`: see buildReplicaModel. */
export function createMitigationModel(
  scenario: Scenario,
  keyCount: number,
  copyShardFor?: (replicatedKeys: number) => Int16Array,
): MitigationModel {
  const { stampede, l2, warming } = scenario.cache;
  const cached = scenario.cache.strategy !== 'none';
  return {
    lock: cached && stampede.mode === 'lock',
    xfetch: cached && stampede.mode === 'xfetch',
    refresh: cached && stampede.mode === 'background-refresh',
    beta: stampede.beta,
    deltaPriorMs:
      scenario.database.readMs + 2 * (scenario.network.dbMs + scenario.network.redisMs) + l2.serviceMs,
    lockTtlMs: stampede.lockTtlMs,
    backoffMs: stampede.backoffMs,
    maxRetries: stampede.maxRetries,
    refreshKeys: Math.min(stampede.refreshTopKeys, keyCount),
    refreshAt: stampede.refreshAt,
    ttlJitter: l2.ttlJitter,
    warming,
    replica: buildReplicaModel(scenario, keyCount, copyShardFor),
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
  /** Redis GETs and misses of the HOT_TRACKED most popular keys, copies included. */
  hotReads: Float64Array;
  hotMisses: Float64Array;
  lockAcquisitions: number;
  lockWaits: number;
  lockFallThroughs: number;
  xfetchRecomputes: number;
  xfetchCycles: number;
  refreshReads: number;
  /** The background refresher's generation: wake-ups of an earlier start carry an older number. */
  refreshGen: number;
  warmingReads: number;
  /** SET/DEL commands the app meant to send, and those it sent (one per copy). */
  cacheWrites: number;
  redisWriteCommands: number;
}

export function createMitigationState(m: Model): MitigationState {
  const keys = m.mit.xfetch ? m.keyCount : 0;
  return {
    locks: Array.from({ length: m.scenario.topology.redisShards }, () => new Map<number, number>()),
    delta: new Float64Array(keys),
    cycleExpiry: new Float64Array(keys).fill(-1),
    hotReads: new Float64Array(HOT_TRACKED),
    hotMisses: new Float64Array(HOT_TRACKED),
    lockAcquisitions: 0,
    lockWaits: 0,
    lockFallThroughs: 0,
    xfetchRecomputes: 0,
    xfetchCycles: 0,
    refreshReads: 0,
    refreshGen: 0,
    warmingReads: 0,
    cacheWrites: 0,
    redisWriteCommands: 0,
  };
}

/**
 * The TTL a SET gives a value: the configured TTL, times a uniform draw in [1 - j, 1 + j] when TTL
 * jitter is on, so keys stored together do not all expire in the same instant.
 *
 * @example
 * storeSet(store, key, version, start + jitterTtl(c, c.m.l2TtlMs), start, c.s.rng);
 */
export function jitterTtl(c: Ctx, ttlMs: number): number {
  const j = c.m.mit.ttlJitter;
  return j === 0 ? ttlMs : ttlMs * (1 - j + 2 * j * random(c.s.rng));
}

/**
 * The mitigations' part of the Summary.
 *
 * @example
 * return { ...summary, ...mitigationSummary(s) };
 */
export function mitigationSummary(s: {
  mit: MitigationState;
  metrics: { dbWrites: number };
}): Pick<Summary, 'mitigations' | 'hotKeyRedisReads' | 'hotKeyRedisMisses'> {
  const t = s.mit;
  const dbWrites = s.metrics.dbWrites;
  return {
    mitigations: {
      lockAcquisitions: t.lockAcquisitions,
      lockWaits: t.lockWaits,
      lockFallThroughs: t.lockFallThroughs,
      xfetchRecomputes: t.xfetchRecomputes,
      xfetchCycles: t.xfetchCycles,
      recomputesPerCycle: t.xfetchCycles > 0 ? t.xfetchRecomputes / t.xfetchCycles : 0,
      refreshReads: t.refreshReads,
      warmingReads: t.warmingReads,
      cacheWrites: t.cacheWrites,
      redisWriteCommands: t.redisWriteCommands,
      writeAmplification: dbWrites > 0 ? t.redisWriteCommands / dbWrites : 0,
    },
    hotKeyRedisReads: Array.from(t.hotReads),
    hotKeyRedisMisses: Array.from(t.hotMisses),
  };
}
