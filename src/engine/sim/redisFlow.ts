import { schedule } from '../core/eventQueue.ts';
import { storeDelete, storeGet, storeSet } from '../redis/shardStore.ts';
import {
  appNode,
  EV_REDIS_ARRIVE,
  EV_REDIS_REPLY,
  MISS,
  OP_DEL,
  OP_GET,
  OP_SET,
  REDIS_ERROR,
  redisHop,
  redisNode,
  type Ctx,
} from './context.ts';
import { allocJob, freeJob, JOB_BG_DEL, JOB_BG_SET, JOB_READ, JOB_WRITE } from './jobs.ts';
import { I_L2_HIT, I_L2_MISS } from './metrics.ts';
import { shardOf } from './model.ts';
import { fetchFromDb } from './dbFlow.ts';
import { fillL1, respond } from './requests.ts';
import { traceHop } from './trace.ts';

const OP_NAMES = ['get', 'set', 'del'];

function send(c: Ctx, job: number, op: number): void {
  const s = c.s;
  const key = s.jobs.key[job]!;
  const arrive = s.now + redisHop(c);
  schedule(s.queue, arrive, EV_REDIS_ARRIVE, job, op);
  if (c.trace) {
    const shard = redisNode(shardOf(c.m, key));
    const inst = appNode(s.jobs.instance[job]!);
    traceHop(c.trace, s.jobs.requestId[job]!, key, inst, shard, s.now, arrive, OP_NAMES[op]!, null);
  }
}

/** A read asks Redis for its key. */
export function sendGet(c: Ctx, job: number): void {
  send(c, job, OP_GET);
}

/** Write-through: the write request itself carries the SET and waits for the acknowledgement. */
export function sendSetAndWait(c: Ctx, job: number, version: number): void {
  c.s.jobs.version[job] = version;
  send(c, job, OP_SET);
}

/** Fire-and-forget SET (populate after a miss, or cache-aside-update after a write). */
export function sendSet(c: Ctx, key: number, instance: number, version: number): void {
  const job = allocJob(c.s.jobs, JOB_BG_SET, key, instance, c.s.now);
  c.s.jobs.version[job] = version;
  send(c, job, OP_SET);
}

/** Fire-and-forget DEL (cache-aside invalidation). */
export function sendDel(c: Ctx, key: number, instance: number): void {
  send(c, allocJob(c.s.jobs, JOB_BG_DEL, key, instance, c.s.now), OP_DEL);
}

/**
 * A command reaches its shard. The shard is single-threaded and FIFO, so the command starts when
 * the thread is free; applying it now, with the clock at its start time, gives exactly the state it
 * would see then, because every command ahead of it has already been applied.
 */
export function onRedisArrive(c: Ctx, job: number, op: number): void {
  const s = c.s;
  const j = s.jobs;
  const key = j.key[job]!;
  const shardIx = shardOf(c.m, key);
  const shard = s.shards[shardIx]!;
  const isRequest = j.kind[job] === JOB_READ || j.kind[job] === JOB_WRITE;
  if (!shard.up) {
    if (isRequest) schedule(s.queue, s.now + redisHop(c), EV_REDIS_REPLY, job, REDIS_ERROR);
    else freeJob(j, job);
    return;
  }
  const l2 = c.m.scenario.cache.l2;
  const start = shard.busyUntil > s.now ? shard.busyUntil : s.now;
  if (l2.serviceMs > 0) {
    const queued = Math.ceil((start - s.now) / l2.serviceMs);
    if (queued > shard.peakQueue) shard.peakQueue = queued;
  }
  const done = start + l2.serviceMs;
  shard.busyUntil = done;
  shard.ops++;
  s.metrics.shardOpsInterval[shardIx]!++;
  let result = 0;
  if (op === OP_GET) {
    const reset = l2.ttlReset && l2.ttlMs !== null ? l2.ttlMs : null;
    result = storeGet(shard.store, key, start, s.rng, reset);
  } else if (op === OP_SET) {
    result = j.version[job]!;
    storeSet(shard.store, key, result, start + c.m.l2TtlMs, start, s.rng);
  } else {
    storeDelete(shard.store, key);
  }
  if (!isRequest) {
    freeJob(j, job);
    return;
  }
  const back = done + redisHop(c);
  schedule(s.queue, back, EV_REDIS_REPLY, job, result);
  if (c.trace) {
    const outcome = op === OP_GET ? (result >= 0 ? 'l2-hit' : 'db') : 'write';
    const from = redisNode(shardIx);
    traceHop(c.trace, j.requestId[job]!, key, from, appNode(j.instance[job]!), done, back, 'reply', outcome);
  }
}

/** Redis's answer reaches the instance. */
export function onRedisReply(c: Ctx, job: number, result: number): void {
  const s = c.s;
  const j = s.jobs;
  if (j.kind[job] === JOB_WRITE) {
    // Write-through acknowledgement (or failure: the database already has the write).
    respond(c, job, j.version[job]!, 'write');
    return;
  }
  if (result >= 0) {
    s.metrics.l2Hits++;
    s.metrics.interval[I_L2_HIT]!++;
    fillL1(c, j.instance[job]!, j.key[job]!, result);
    respond(c, job, result, 'l2-hit');
    return;
  }
  s.metrics.l2Misses++;
  s.metrics.interval[I_L2_MISS]!++;
  if (result === MISS || result === REDIS_ERROR) fetchFromDb(c, job);
}
