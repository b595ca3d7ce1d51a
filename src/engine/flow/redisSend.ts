import { schedule } from '../core/eventQueue.ts';
import { random } from '../core/rng.ts';
import { slotOf, storeDelete, storeGet, storeSet } from '../redis/shardStore.ts';
import { copiesOf, copyShardOf, packOp, pickCopy, shardOf, storeIdOf } from './addressing.ts';
import {
  appNode,
  EV_REDIS_ARRIVE,
  EV_REDIS_REPLY,
  MISS,
  OP_DEL,
  OP_GET,
  OP_SET,
  REDIS_ERROR,
  redisLinkArrival,
  redisNode,
  type Ctx,
} from './context.ts';
import { allocJob, freeJob, JOB_BG_DEL, JOB_BG_SET } from './jobs.ts';
import { l2TtlOf } from './keyspace.ts';
import { HOT_TRACKED } from './metrics.ts';
import { entryBytesOf } from './redisCore.ts';
import { refused, REFUSED_REDIS_QUEUE } from './refusals.ts';
import { traceHop } from './trace.ts';

/**
 * Commands to Redis: sent over one order-keeping connection per instance and shard, run on the shard's
 * single FIFO thread (where a full or down shard refuses them), answered over the same connection.
 */

const OP_NAMES = ['get', 'set', 'del'];

/** `copy`: which copy of a replicated key the command targets (-1: the key itself). */
function send(c: Ctx, job: number, op: number, copy = -1): void {
  const s = c.s;
  const key = s.jobs.key[job]!;
  const shardIx = copy < 0 ? shardOf(c.m, key) : copyShardOf(c.m, key, copy);
  const arrive = redisLinkArrival(c, s.jobs.instance[job]!, shardIx, true, s.now);
  schedule(s.queue, arrive, EV_REDIS_ARRIVE, job, copy < 0 ? op : packOp(op, copy));
  if (c.trace) {
    const inst = appNode(s.jobs.instance[job]!);
    const shard = redisNode(shardIx);
    traceHop(c.trace, s.jobs.requestId[job]!, key, inst, shard, s.now, arrive, OP_NAMES[op]!, null);
  }
}

/** A read asks Redis for its key. */
export function sendGet(c: Ctx, job: number): void {
  send(c, job, OP_GET, pickCopy(c, c.s.jobs.key[job]!));
}

/**
 * The request itself carries the SET and waits for the acknowledgement: a write under write-through, or
 * the leader of a single flight refilling the cache.
 */
export function sendSetAndWait(c: Ctx, job: number, version: number): void {
  c.s.jobs.version[job] = version;
  const copies = copiesOf(c.m, c.s.jobs.key[job]!);
  // A replicated key: the request waits for copy 0; the other copies are written in the background.
  countWrites(c, copies);
  for (let r = 1; r < copies; r++) sendSetCopy(c, c.s.jobs.key[job]!, c.s.jobs.instance[job]!, version, r);
  send(c, job, OP_SET, copies > 0 ? 0 : -1);
}

/** Counts one cache write the app meant, and the commands it took (one per copy). */
function countWrites(c: Ctx, copies: number): void {
  c.s.metrics.cacheWrites++;
  c.s.metrics.redisWriteCommands += copies > 0 ? copies : 1;
}

/**
 * The TTL a SET gives a value: the configured TTL, times a uniform draw in [1 - j, 1 + j] when TTL
 * jitter is on (`cache.l2.ttlJitter`), so keys stored together do not all expire in the same instant.
 *
 * @example
 * storeSet(store, key, version, start + jitterTtl(c, l2TtlOf(c.m, key)), start, c.s.rng);
 */
export function jitterTtl(c: Ctx, ttlMs: number): number {
  const j = c.m.ttlJitter;
  return j === 0 ? ttlMs : ttlMs * (1 - j + 2 * j * random(c.s.rng));
}

/**
 * A command found its shard down or full: counted as an error; a request gets REDIS_ERROR back.
 *
 * @example
 * if (!shard.up) countRedisError(c);
 */
export function countRedisError(c: Ctx): void {
  c.s.redis.redisErrors++;
}

function sendSetCopy(c: Ctx, key: number, instance: number, version: number, copy: number): void {
  const job = allocJob(c.s.jobs, JOB_BG_SET, key, instance, c.s.now);
  c.s.jobs.version[job] = version;
  send(c, job, OP_SET, copy);
}

/** Fire-and-forget SET (populate after a miss, or cache-aside-update after a write); to every copy. */
export function sendSet(c: Ctx, key: number, instance: number, version: number): void {
  const copies = copiesOf(c.m, key);
  countWrites(c, copies);
  for (let r = copies > 0 ? 0 : -1; r < copies; r++) sendSetCopy(c, key, instance, version, r);
}

/** Fire-and-forget DEL (cache-aside invalidation); to every copy of a replicated key. */
export function sendDel(c: Ctx, key: number, instance: number): void {
  const copies = copiesOf(c.m, key);
  countWrites(c, copies);
  for (let r = copies > 0 ? 0 : -1; r < copies; r++) {
    send(c, allocJob(c.s.jobs, JOB_BG_DEL, key, instance, c.s.now), OP_DEL, r);
  }
}

/**
 * Occupies a shard's single thread for `commands` commands from when it is free (FIFO), counting them in
 * the shard's ops, and returns when they start.
 *
 * @example
 * const start = occupyShard(c, shardIx, 2); // a pipelined SET NX + GET, done at start + 2 x serviceMs
 */
export function occupyShard(c: Ctx, shardIx: number, commands: number): number {
  const s = c.s;
  const shard = s.shards[shardIx]!;
  const serviceMs = c.m.l2ServiceMs;
  const start = shard.busyUntil > s.now ? shard.busyUntil : s.now;
  if (serviceMs > 0) {
    const queued = Math.ceil((start - s.now) / serviceMs);
    if (queued > shard.peakQueue) shard.peakQueue = queued;
  }
  shard.busyUntil = start + serviceMs * commands;
  shard.ops += commands;
  s.metrics.shardOpsInterval[shardIx]! += commands;
  return start;
}

/**
 * A command reaches its shard. The shard is single-threaded and FIFO, so the command starts when
 * the thread is free; applying it now, with the clock at its start time, gives exactly the state it
 * would see then, because every command ahead of it has already been applied.
 */
export function onRedisArrive(c: Ctx, job: number, packed: number): void {
  const s = c.s;
  const j = s.jobs;
  const key = j.key[job]!;
  // `packed` is the op, plus the copy of a replicated key above it (see packOp).
  const op = packed & 255;
  const copy = (packed >> 8) - 1;
  const id = copy < 0 ? key : storeIdOf(c.m, key, copy);
  const shardIx = copy < 0 ? shardOf(c.m, key) : copyShardOf(c.m, key, copy);
  const shard = s.shards[shardIx]!;
  // Client requests wait for their answer, and so do the SETs of a flight's leader and of a recompute.
  const isRequest = c.plan.awaitsRedis[j.kind[job]!] === 1;
  // A shard whose backlog is at `cache.l2.maxQueue` refuses the command as a down shard does.
  const full = shard.busyUntil - s.now > c.m.redisMaxBacklogMs;
  if (!shard.up || full) {
    if (full) refused(c, REFUSED_REDIS_QUEUE);
    countRedisError(c);
    if (isRequest) {
      const back = redisLinkArrival(c, j.instance[job]!, shardIx, false, s.now);
      schedule(s.queue, back, EV_REDIS_REPLY, job, REDIS_ERROR);
    } else freeJob(j, job);
    return;
  }
  const start = occupyShard(c, shardIx, 1);
  const done = start + c.m.l2ServiceMs;
  const command = c.m.hooks.redisCommand;
  let result = 0;
  const taken = command !== null && command(c, job, op, shardIx, done);
  if (taken) {
    result = MISS;
  } else if (op === OP_GET) {
    result = storeGet(shard.store, id, start, s.rng, c.m.l2ResetTtlMs);
    if (key < HOT_TRACKED) s.metrics.hotReads[key]!++;
    // The expiry that comes with the value, as the app sees it (XFetch reads it).
    if (result >= 0 && c.m.hooks.l2Hit !== null)
      j.servedExpiry[job] = shard.store.expires[slotOf(shard.store, id)]!;
  } else if (op === OP_SET) {
    result = j.version[job]!;
    const ttl = jitterTtl(c, l2TtlOf(c.m, key));
    // A replica's entry is sized as its key's: the name differs by a few bytes only.
    storeSet(shard.store, id, result, start + ttl, start, s.rng, entryBytesOf(c.m, key));
  } else {
    storeDelete(shard.store, id);
  }
  const applied = c.m.hooks.redisDone;
  if (applied !== null && !taken) applied(c, job, op, shardIx, done);
  if (!isRequest) {
    freeJob(j, job);
    return;
  }
  const back = redisLinkArrival(c, j.instance[job]!, shardIx, false, done);
  schedule(s.queue, back, EV_REDIS_REPLY, job, result);
  if (c.trace) {
    const outcome = op === OP_GET ? (result >= 0 ? 'l2-hit' : 'db') : 'write';
    const from = redisNode(shardIx);
    traceHop(c.trace, j.requestId[job]!, key, from, appNode(j.instance[job]!), done, back, 'reply', outcome);
  }
}
