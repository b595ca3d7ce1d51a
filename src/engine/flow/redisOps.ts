/**
 * Redis as a process, beyond single commands: what each entry costs in memory, the active expiry cycle
 * (Redis's serverCron, `hz` times a second per shard), RDB snapshots, and the figures a run reports about
 * memory, eviction, expiry and outages. Handlers here are called from the event dispatch; everything they
 * change lives in `State.redisOps` or in the shard stores, so a snapshot captures it.
 */
import { schedule } from '../core/eventQueue.ts';
import { createRng, type RngState } from '../core/rng.ts';
import { activeExpireCycle, ttlDistribution, ttlRemaining, type TtlDistribution } from '../redis/expiry.ts';
import { EMPTY_NODE_BYTES, entryBytes, entryBytesFor } from '../redis/memory.ts';
import { rdbSave, type RdbImage } from '../redis/persistence.ts';
import { storeConfigure, type StoreOptions } from '../redis/shardStore.ts';
import type { SeriesPoint, ShardSummary, Summary } from '../types.ts';
import { EV_ACTIVE_EXPIRE, EV_RDB_SAVE, scheduleTick, type Ctx } from './context.ts';
import { valueBytesOf } from './families.ts';
import { keyName, type Model } from './model.ts';
import type { State } from './state.ts';

export interface RedisOpsState {
  /** Redis's own random draws (evictions while an RDB snapshot loads), apart from the workload's. */
  rng: RngState;
  /** Outages in progress per shard: overlapping failures bring a shard back only when all have ended. */
  shardDowns: Int32Array;
  /** The last RDB snapshot of each shard (null before the first save). */
  rdb: (RdbImage | null)[];
  /** Commands refused because their shard was down (requests and background SET/DEL alike). */
  redisErrors: number;
  /** Reads that went to the database because Redis was down (`redisDownPolicy: "fallback"`). */
  redisFallbacks: number;
  /** Live entries a restart lost or rolled back (all of them without persistence). */
  keysLostOnRestart: number;
  shardCrashes: number;
  instanceRestarts: number;
  /** Totals at the previous sample, for per-interval figures. */
  lastEvictions: number;
  lastExpired: number;
  lastErrors: number;
  /** Per shard: 1 while its active expiry cycle is scheduled (`hz` may go to 0 and back mid-run). */
  cronOn: Uint8Array;
  /** An RDB save is scheduled (`persistence` may leave `rdb` and come back mid-run). */
  rdbOn: boolean;
}

export function createRedisOpsState(m: Model): RedisOpsState {
  const shards = m.scenario.topology.redisShards;
  return {
    rng: createRng((m.seed ^ 0x5ed15) >>> 0),
    shardDowns: new Int32Array(shards),
    rdb: new Array<RdbImage | null>(shards).fill(null),
    redisErrors: 0,
    redisFallbacks: 0,
    keysLostOnRestart: 0,
    shardCrashes: 0,
    instanceRestarts: 0,
    lastEvictions: 0,
    lastExpired: 0,
    lastErrors: 0,
    cronOn: new Uint8Array(shards),
    rdbOn: false,
  };
}

/** The shard stores' limits and LFU tuning from the scenario. */
export function storeOptionsOf(m: Model): StoreOptions {
  const l2 = m.scenario.cache.l2;
  return {
    maxMemoryBytes: l2.maxMemoryBytes,
    lfuLogFactor: l2.lfuLogFactor,
    lfuDecayTimeMin: l2.lfuDecayTimeMin,
    samples: l2.maxMemorySamples,
    baseBytes: EMPTY_NODE_BYTES,
  };
}

/**
 * Memory one entry of `key` takes in Redis (memory.ts): dict entry, name and value, the value's size per
 * family or `workload.valueBytes`. Cached per key in the model: names never change.
 *
 * @example
 * storeSet(store, key, v, expiresAt, now, rng, entryBytesOf(c.m, key));
 */
export function entryBytesOf(m: Model, key: number): number {
  if (m.families === null) {
    // `key:<digits>`: computed, not looked up, which spares the hot path a cache miss per SET.
    return entryBytesFor(4 + decimalDigits(key), m.scenario.workload.valueBytes);
  }
  const cache = m.entryBytes;
  if (key < cache.length) {
    const b = cache[key]!;
    if (b > 0) return b;
  }
  const b = entryBytes(keyName(key, m), valueBytesOf(m, key));
  if (key < cache.length) cache[key] = b;
  return b;
}

function decimalDigits(n: number): number {
  let d = 1;
  for (let p = 10; p <= n; p *= 10) d++; // multiplications: no division per digit
  return d;
}

/** Schedules the first active expiry cycle of each shard and the first RDB save. */
export function startRedisOps(c: Ctx): void {
  startCron(c);
  startRdb(c);
}

/** Starts the active expiry cycle of every shard whose cycle is not scheduled, when `hz` > 0. */
function startCron(c: Ctx): void {
  const hz = c.m.scenario.cache.l2.hz;
  const on = c.s.redisOps.cronOn;
  if (hz === 0) return;
  for (let i = 0; i < on.length; i++) {
    if (on[i] === 1) continue;
    on[i] = 1;
    schedule(c.s.queue, c.s.now + 1000 / hz, EV_ACTIVE_EXPIRE, i, 0);
  }
}

/** Schedules the next RDB save unless one is, when persistence is `rdb`. */
function startRdb(c: Ctx): void {
  const l2 = c.m.scenario.cache.l2;
  if (l2.persistence !== 'rdb' || c.s.redisOps.rdbOn) return;
  c.s.redisOps.rdbOn = true;
  schedule(c.s.queue, c.s.now + l2.rdbIntervalMs, EV_RDB_SAVE, 0, 0);
}

/** One tick of a shard's cron: the active expiry cycle (skipped while the shard is down). */
export function onActiveExpire(c: Ctx, shardIx: number): void {
  const s = c.s;
  const hz = c.m.scenario.cache.l2.hz;
  const shard = s.shards[shardIx]!;
  if (hz > 0 && shard.up) activeExpireCycle(shard.store, s.now);
  const next = s.now + 1000 / hz; // Infinity at hz 0: the cycle stops
  if (next <= c.m.durationMs) scheduleTick(c, next, EV_ACTIVE_EXPIRE, shardIx, 0);
  else s.redisOps.cronOn[shardIx] = 0;
}

/** Every shard that is up writes its RDB snapshot (a point-in-time copy, as BGSAVE's fork gives). */
export function onRdbSave(c: Ctx): void {
  const s = c.s;
  const r = s.redisOps;
  const l2 = c.m.scenario.cache.l2;
  if (l2.persistence !== 'rdb') {
    r.rdbOn = false; // persistence changed mid-run; the last image stays for a switch back
    return;
  }
  s.shards.forEach((sh, i) => {
    if (sh.up) r.rdb[i] = rdbSave(r.rdb[i] ?? null, sh.store, s.now);
  });
  const next = s.now + l2.rdbIntervalMs;
  if (next <= c.m.durationMs) scheduleTick(c, next, EV_RDB_SAVE, 0, 0);
  else r.rdbOn = false;
}

/**
 * A change mid-run reached Redis's settings: the stores take the new limits, policy and tuning (evicting
 * down to smaller limits at once), and the active expiry cycle and RDB saves start when switched on.
 *
 * @example
 * reconcileRedis(c, before); // after a change of cache.l2.maxKeys
 */
export function reconcileRedis(c: Ctx, before: Model): void {
  const l2 = c.m.scenario.cache.l2;
  const old = before.scenario.cache.l2;
  const s = c.s;
  const stores =
    l2.maxKeys !== old.maxKeys ||
    l2.eviction !== old.eviction ||
    l2.maxMemoryBytes !== old.maxMemoryBytes ||
    l2.maxMemorySamples !== old.maxMemorySamples ||
    l2.lfuLogFactor !== old.lfuLogFactor ||
    l2.lfuDecayTimeMin !== old.lfuDecayTimeMin;
  if (stores) {
    const options = storeOptionsOf(c.m);
    for (const sh of s.shards) storeConfigure(sh.store, l2.maxKeys, l2.eviction, options, s.now, s.rng);
  }
  startCron(c);
  startRdb(c);
}

/** Adds the Redis figures of the interval that just closed to its series point. */
export function sampleRedis(s: State, point: SeriesPoint): void {
  const r = s.redisOps;
  let evictions = 0;
  let expired = 0;
  for (const sh of s.shards) {
    evictions += sh.store.evictions;
    expired += sh.store.expired;
  }
  point.shardMemoryBytes = s.shards.map((sh) => sh.store.memoryBytes);
  point.evictions = evictions - r.lastEvictions;
  point.expired = expired - r.lastExpired;
  point.redisErrors = r.redisErrors - r.lastErrors;
  point.instancesUp = s.instanceUp.reduce((n, u) => n + u, 0);
  r.lastEvictions = evictions;
  r.lastExpired = expired;
  r.lastErrors = r.redisErrors;
}

/** The memory and eviction figures of one shard. */
export function shardMemorySummary(
  s: State,
  i: number,
): Pick<ShardSummary, 'memoryBytes' | 'maxMemoryBytes' | 'rejectedWrites'> {
  const st = s.shards[i]!.store;
  return {
    memoryBytes: st.memoryBytes,
    maxMemoryBytes: st.maxMemoryBytes,
    rejectedWrites: st.rejectedWrites,
  };
}

/** The run-wide Redis outage and expiry figures. */
export function redisOpsSummary(
  s: State,
): Pick<
  Summary,
  | 'redisErrors'
  | 'redisFallbacks'
  | 'keysLostOnRestart'
  | 'shardCrashes'
  | 'instanceRestarts'
  | 'rejectedWrites'
  | 'ttlDistribution'
> {
  const r = s.redisOps;
  return {
    redisErrors: r.redisErrors,
    redisFallbacks: r.redisFallbacks,
    keysLostOnRestart: r.keysLostOnRestart,
    shardCrashes: r.shardCrashes,
    instanceRestarts: r.instanceRestarts,
    rejectedWrites: s.shards.reduce((n, sh) => n + sh.store.rejectedWrites, 0),
    ttlDistribution: liveTtlDistribution(s),
  };
}

/** TTL left on the live keys of every shard that is up. */
export function liveTtlDistribution(s: State): TtlDistribution {
  return ttlDistribution(
    s.shards.filter((sh) => sh.up).map((sh) => sh.store),
    s.now,
  );
}

/** TTL left (ms) on up to `limit` live keys, spread over every shard that is up. */
export function liveTtlRemaining(s: State, limit: number): number[] {
  return ttlRemaining(
    s.shards.filter((sh) => sh.up).map((sh) => sh.store),
    s.now,
    limit,
  );
}
