import { schedule } from '../../core/eventQueue.ts';
import { activeExpireCycle } from '../../redis/expiry.ts';
import { rdbSave } from '../../redis/persistence.ts';
import { scheduleTick, type Ctx } from '../../flow/context.ts';
import { eventType } from '../../flow/kinds.ts';
import type { Mechanism } from '../../flow/mechanism.ts';
import type { CoreSeriesPoint } from '../../flow/types.ts';
import type { PointOf } from '../../../series/field.ts';
import { REDIS_OPS_SERIES } from './series.ts';

/**
 * Redis as a process, beyond single commands: the active expiry cycle (Redis's serverCron, `hz` times a
 * second per shard) and RDB snapshots every `rdbIntervalMs` (kept on each shard, for a restart to load:
 * see the failures mechanism). What an entry costs in memory and the eviction it causes are the shard
 * store's own (src/engine/redis); the series' memory, eviction and expiry figures are this mechanism's.
 */

/** A shard's cron ticks. a: shard. */
const EV_ACTIVE_EXPIRE = eventType('redisOps.activeExpire');
/** Every shard that is up saves an RDB snapshot. */
const EV_RDB_SAVE = eventType('redisOps.rdbSave');

interface RedisOpsState {
  /** Per shard: 1 while its active expiry cycle is scheduled (`hz` may go to 0 and back mid-run). */
  cronOn: Uint8Array;
  /** An RDB save is scheduled (`persistence` may leave `rdb` and come back mid-run). */
  rdbOn: boolean;
  /** Evictions and expired keys, all shards, at the previous sample (the series counts the interval's). */
  lastEvictions: number;
  lastExpired: number;
}

const stateOf = (c: Ctx): RedisOpsState => c.s.mech.redisOps as RedisOpsState;

/** Starts the active expiry cycle of every shard whose cycle is not scheduled, when `hz` > 0. */
function startCron(c: Ctx): void {
  const hz = c.m.scenario.cache.l2.hz;
  const on = stateOf(c).cronOn;
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
  const st = stateOf(c);
  if (l2.persistence !== 'rdb' || st.rdbOn) return;
  st.rdbOn = true;
  schedule(c.s.queue, c.s.now + l2.rdbIntervalMs, EV_RDB_SAVE, 0, 0);
}

/** One tick of a shard's cron: the active expiry cycle (skipped while the shard is down). */
function onActiveExpire(c: Ctx, shardIx: number): void {
  const s = c.s;
  const hz = c.m.scenario.cache.l2.hz;
  const shard = s.shards[shardIx]!;
  if (hz > 0 && shard.up) activeExpireCycle(shard.store, s.now);
  const next = s.now + 1000 / hz; // Infinity at hz 0: the cycle stops
  if (next <= c.m.durationMs) scheduleTick(c, next, EV_ACTIVE_EXPIRE, shardIx, 0);
  else stateOf(c).cronOn[shardIx] = 0;
}

/** Every shard that is up writes its RDB snapshot (a point-in-time copy, as BGSAVE's fork gives). */
function onRdbSave(c: Ctx): void {
  const s = c.s;
  const l2 = c.m.scenario.cache.l2;
  if (l2.persistence !== 'rdb') {
    stateOf(c).rdbOn = false; // persistence changed mid-run; the last image stays for a switch back
    return;
  }
  for (const sh of s.shards) if (sh.up) sh.rdb = rdbSave(sh.rdb, sh.store, s.now);
  const next = s.now + l2.rdbIntervalMs;
  if (next <= c.m.durationMs) scheduleTick(c, next, EV_RDB_SAVE, 0, 0);
  else stateOf(c).rdbOn = false;
}

/** Both start when the run does, and again when a live change switches them on. */
function start(c: Ctx): void {
  startCron(c);
  startRdb(c);
}

/** Its fields of the series point: memory per shard now, and the interval's evictions and expired keys. */
function sample(c: Ctx, point: CoreSeriesPoint): void {
  const st = stateOf(c);
  const p = point as CoreSeriesPoint & PointOf<typeof REDIS_OPS_SERIES>;
  let evictions = 0;
  let expired = 0;
  for (const sh of c.s.shards) {
    evictions += sh.store.evictions;
    expired += sh.store.expired;
  }
  p.shardMemoryBytes = c.s.shards.map((sh) => sh.store.memoryBytes);
  p.evictions = evictions - st.lastEvictions;
  p.expired = expired - st.lastExpired;
  st.lastEvictions = evictions;
  st.lastExpired = expired;
}

export const redisOps: Mechanism<null, RedisOpsState> = {
  name: 'redisOps',
  reads: ['cache.l2.hz', 'cache.l2.persistence', 'cache.l2.rdbIntervalMs', 'topology.redisShards'],
  state: (m) => ({
    cronOn: new Uint8Array(m.scenario.topology.redisShards),
    rdbOn: false,
    lastEvictions: 0,
    lastExpired: 0,
  }),
  events: [
    [EV_ACTIVE_EXPIRE, onActiveExpire],
    [EV_RDB_SAVE, onRdbSave],
  ],
  start,
  reconcile: start,
  series: REDIS_OPS_SERIES,
  sample,
};
