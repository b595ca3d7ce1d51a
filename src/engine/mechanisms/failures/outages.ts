/**
 * Outages of Redis shards and app instances: a shard crash with what its persistence brings back, an
 * instance crash, and a rolling deploy that restarts each instance in turn with an empty L1.
 */
import { schedule } from '../../core/eventQueue.ts';
import { l1Clear } from '../../core/l1Cache.ts';
import type { RngState } from '../../core/rng.ts';
import { rdbLoad, rdbLost } from '../../redis/persistence.ts';
import { storeClear } from '../../redis/shardStore.ts';
import type { Ctx } from '../../flow/context.ts';
import { eventType } from '../../flow/kinds.ts';

/** One instance of a deploy stops. a: instance, b: failure index. */
export const EV_INSTANCE_DOWN = eventType('failures.instanceDown');
/** It is back. a: instance, b: failure index. */
export const EV_INSTANCE_UP = eventType('failures.instanceUp');

export interface OutageState {
  /** Redis's own random draws (evictions while an RDB snapshot loads), apart from the workload's. */
  rng: RngState;
  /** Outages in progress per shard: overlapping failures bring a shard back only when all have ended. */
  shardDowns: Int32Array;
  /** Live entries a restart lost or rolled back (all of them without persistence). */
  keysLostOnRestart: number;
  shardCrashes: number;
  instanceRestarts: number;
  /** The flow's refused commands (`State.redis.redisErrors`) at the previous sample. */
  lastErrors: number;
}

export const outagesOf = (c: Ctx): OutageState => c.s.mech.failures as OutageState;

/**
 * A shard goes down. Without persistence it loses everything; with RDB it will come back as its last
 * snapshot, so it loses what changed since; with AOF it loses nothing (the log replays every write).
 * The loss is counted now, against what the shard held at the crash.
 *
 * @example
 * crashShard(c, 1); // ... later: recoverShard(c, 1)
 */
export function crashShard(c: Ctx, ix: number): void {
  const s = c.s;
  const r = outagesOf(c);
  const shard = s.shards[ix];
  if (shard === undefined) return;
  r.shardDowns[ix]!++;
  if (!shard.up) return; // already down: nothing more to lose
  shard.up = false;
  shard.busyUntil = s.now;
  r.shardCrashes++;
  const persistence = c.m.scenario.cache.l2.persistence;
  if (persistence === 'aof') return;
  const image = persistence === 'rdb' ? shard.rdb : null;
  r.keysLostOnRestart += rdbLost(shard.store, image, s.now);
  storeClear(shard.store);
}

/**
 * The outage ends (once every overlapping one has): the shard serves again, loading its RDB snapshot
 * when it has one and dropping the keys that expired meanwhile.
 *
 * @example
 * recoverShard(c, 1);
 */
export function recoverShard(c: Ctx, ix: number): void {
  const s = c.s;
  const r = outagesOf(c);
  const shard = s.shards[ix];
  if (shard === undefined || r.shardDowns[ix]! <= 0) return;
  if (--r.shardDowns[ix]! > 0) return;
  shard.up = true;
  shard.busyUntil = s.now;
  if (c.m.scenario.cache.l2.persistence === 'rdb') rdbLoad(shard.store, shard.rdb, s.now, r.rng);
}

/**
 * A `deploy` starts: instance i stops at `i * stepMs` from now, for `durationMs` each (stepMs defaults
 * to durationMs, so one instance is out at a time).
 */
export function startDeploy(c: Ctx, index: number): void {
  const f = c.m.scenario.failures[index]!;
  const step = f.stepMs ?? f.durationMs;
  for (let i = 0; i < c.s.instanceUp.length; i++) {
    schedule(c.s.queue, c.s.now + i * step, EV_INSTANCE_DOWN, i, index);
  }
}

/** One instance of a deploy stops: the load balancer skips it until it is back. */
export function onInstanceDown(c: Ctx, inst: number, index: number): void {
  const s = c.s;
  s.instanceUp[inst] = 0;
  l1Clear(s.l1[inst]!);
  outagesOf(c).instanceRestarts++;
  schedule(s.queue, s.now + c.m.scenario.failures[index]!.durationMs, EV_INSTANCE_UP, inst, index);
}

/** The new version of the instance starts with an empty L1 (requests it was draining may have refilled it). */
export function onInstanceUp(c: Ctx, inst: number): void {
  const s = c.s;
  s.instanceUp[inst] = 1;
  l1Clear(s.l1[inst]!);
}
