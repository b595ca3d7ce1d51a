/**
 * Outages of Redis shards and app instances: a shard crash with what its persistence brings back, the
 * app's choice while Redis is down (fall back to the database, or fail), and a rolling deploy that
 * restarts each instance in turn with an empty L1.
 */
import { schedule } from '../core/eventQueue.ts';
import { l1Clear } from '../core/l1Cache.ts';
import { rdbLoad, rdbLost } from '../redis/persistence.ts';
import { storeClear } from '../redis/shardStore.ts';
import { EV_INSTANCE_DOWN, EV_INSTANCE_UP, type Ctx } from './context.ts';
import { JOB_WRITE } from './jobs.ts';
import { respond } from './requests.ts';

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
  const r = s.redisOps;
  const shard = s.shards[ix];
  if (shard === undefined) return;
  r.shardDowns[ix]!++;
  if (!shard.up) return; // already down: nothing more to lose
  shard.up = false;
  shard.busyUntil = s.now;
  r.shardCrashes++;
  const persistence = c.m.scenario.cache.l2.persistence;
  if (persistence === 'aof') return;
  const image = persistence === 'rdb' ? (r.rdb[ix] ?? null) : null;
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
  const r = s.redisOps;
  const shard = s.shards[ix];
  if (shard === undefined || r.shardDowns[ix]! <= 0) return;
  if (--r.shardDowns[ix]! > 0) return;
  shard.up = true;
  shard.busyUntil = s.now;
  if (c.m.scenario.cache.l2.persistence === 'rdb') rdbLoad(shard.store, r.rdb[ix] ?? null, s.now, r.rng);
  // Cache warming after a restart (a mitigation) hooks in here when enabled.
}

/**
 * A command found its shard down (called by the shard for every refused command). Counted as an error.
 *
 * @example
 * if (!shard.up) countRedisError(c);
 */
export function countRedisError(c: Ctx): void {
  c.s.redisOps.redisErrors++;
}

/**
 * The instance got an error back from Redis for a request. Under `redisDownPolicy: "fail"` the request
 * fails (true: handled); under `"fallback"` a read goes on to the database (false: the caller continues)
 * and a write-through write, already in the database, is acknowledged.
 *
 * @example
 * if (result === REDIS_ERROR && onRedisDown(c, job)) return;
 */
export function onRedisDown(c: Ctx, job: number): boolean {
  const s = c.s;
  if (c.m.scenario.cache.redisDownPolicy === 'fail') {
    respond(c, job, 0, 'error');
    return true;
  }
  if (s.jobs.kind[job] !== JOB_WRITE) s.redisOps.redisFallbacks++;
  return false;
}

/**
 * A `deploy` starts: instance i stops at `i * stepMs` from now, for `durationMs` each (stepMs defaults
 * to durationMs, so one instance is out at a time).
 *
 * @example
 * startDeploy(c, index); // from onFailure
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
  s.redisOps.instanceRestarts++;
  schedule(s.queue, s.now + c.m.scenario.failures[index]!.durationMs, EV_INSTANCE_UP, inst, index);
}

/** The new version of the instance starts with an empty L1 (requests it was draining may have refilled it). */
export function onInstanceUp(c: Ctx, inst: number): void {
  const s = c.s;
  s.instanceUp[inst] = 1;
  l1Clear(s.l1[inst]!);
}
