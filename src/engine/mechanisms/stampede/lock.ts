import { schedule } from '../../core/eventQueue.ts';
import { storeGet, storeSet } from '../../redis/shardStore.ts';
import { copiesOf, copyShardOf, packOp, pickCopy, storeIdOf } from '../../flow/addressing.ts';
import { appNode, MISS, REDIS_ERROR, redisLinkArrival, redisNode, type Ctx } from '../../flow/context.ts';
import { sendToDb } from '../../flow/dbFlow.ts';
import { l2TtlOf } from '../../flow/keyspace.ts';
import { HOT_TRACKED } from '../../flow/metrics.ts';
import { shardOf } from '../../flow/addressing.ts';
import { entryBytesOf } from '../../flow/redisCore.ts';
import { jitterTtl, occupyShard, sendSet } from '../../flow/redisSend.ts';
import { fillL1, respond } from '../../flow/reply.ts';
import { traceHop } from '../../flow/trace.ts';
import {
  EV_LOCK_BACKOFF,
  EV_LOCK_CMD,
  EV_LOCK_REPLY,
  JOB_FALL_THROUGH,
  JOB_LOCK_HOLDER,
  mitOf,
  mitState,
} from './mitigation.ts';

/**
 * Stampede mode `lock`, as the article's `get_with_lock`: a read that misses tries
 * `SET lock:{key:N} 1 NX EX`. The winner reads the database, SETs the value, DELetes the lock and only then
 * answers (the client waits for each command, as a synchronous client does). A loser sleeps `backoffMs`,
 * reads the cache again, and after `maxRetries` empty re-reads queries the database itself without
 * caching the result: when the recompute outlasts backoff x retries, those fall-throughs are the herd.
 *
 * The lock name carries a hash tag, so it lives on the key's shard and the lock attempt is pipelined
 * with a GET of the key (two commands, one round trip): a value stored between the miss and the lock
 * attempt is used instead of being fetched twice. While a loser waits, its job's `version` counts the
 * re-reads done (a read job carries no version until it answers).
 */

const CMD_ACQUIRE = 0;
const CMD_STORE = 1;
const CMD_RELEASE = 2;
const CMD_REREAD = 3;
const CMD_NAMES = ['lock', 'set', 'unlock', 'get'];

// Reply codes: what the instance does next.
const R_WON = 0;
const R_LOST = 1;
const R_STORED = 2;
const R_RELEASED = 3;
const R_REREAD = 4;
/** The reply code of each command (an acquire may turn into R_LOST). */
const CODE_OF_CMD = [R_WON, R_STORED, R_RELEASED, R_REREAD];

/** A reply code and a command result (a version >= 0, MISS or REDIS_ERROR) in one number. */
const packReply = (code: number, result: number): number => (result + 2) * 8 + code;

function sendCmd(c: Ctx, job: number, cmd: number, copy: number): void {
  const s = c.s;
  const key = s.jobs.key[job]!;
  const shard = copy < 0 ? shardOf(c.m, key) : copyShardOf(c.m, key, copy);
  const arrive = redisLinkArrival(c, s.jobs.instance[job]!, shard, true, s.now);
  schedule(s.queue, arrive, EV_LOCK_CMD, job, packOp(cmd, copy));
  if (c.trace) {
    const from = appNode(s.jobs.instance[job]!);
    traceHop(
      c.trace,
      s.jobs.requestId[job]!,
      key,
      from,
      redisNode(shard),
      s.now,
      arrive,
      CMD_NAMES[cmd]!,
      null,
    );
  }
}

/**
 * A read missed Redis: try to take the lock (the `l2Miss` point in `lock` mode; the read is taken).
 *
 * @example
 * out.l2Miss = tryLock; // the stampede mechanism's hook in `lock` mode
 */
export function tryLock(c: Ctx, job: number): boolean {
  sendCmd(c, job, CMD_ACQUIRE, -1);
  return true;
}

/** A lock-protocol command runs on its shard's single thread. */
export function onLockCmd(c: Ctx, job: number, packed: number): void {
  const s = c.s;
  const m = c.m;
  const j = s.jobs;
  const cmd = packed & 255;
  const copy = (packed >> 8) - 1;
  const key = j.key[job]!;
  const shardIx = copy < 0 ? shardOf(m, key) : copyShardOf(m, key, copy);
  const shard = s.shards[shardIx]!;
  let code = CODE_OF_CMD[cmd]!;
  let result: number = REDIS_ERROR;
  let done = s.now;
  if (shard.up) {
    const replicated = copiesOf(m, key) > 0;
    // The acquire is pipelined with a GET of the key, unless the key lives in copies on other shards.
    const commands = cmd === CMD_ACQUIRE && !replicated ? 2 : 1;
    const start = occupyShard(c, shardIx, commands);
    done = start + m.scenario.cache.l2.serviceMs * commands;
    const l2 = m.scenario.cache.l2;
    const reset = l2.ttlReset && l2.ttlMs !== null ? l2.ttlMs : null;
    const locks = mitState(c).locks[shardIx]!;
    result = 0;
    if (cmd === CMD_ACQUIRE) {
      const held = locks.get(key);
      if (held === undefined || start >= held) {
        locks.set(key, start + mitOf(c).lockTtlMs);
        mitState(c).lockAcquisitions++;
      } else code = R_LOST;
      result = replicated ? MISS : storeGet(shard.store, key, start, s.rng, reset);
      if (!replicated && key < HOT_TRACKED) s.metrics.hotReads[key]!++;
    } else if (cmd === CMD_STORE) {
      result = j.version[job]!;
      const ttl = jitterTtl(c, l2TtlOf(m, key));
      storeSet(shard.store, key, result, start + ttl, start, s.rng, entryBytesOf(m, key));
    } else if (cmd === CMD_RELEASE) {
      locks.delete(key);
    } else {
      result = storeGet(shard.store, storeIdOf(m, key, copy), start, s.rng, reset);
      if (key < HOT_TRACKED) s.metrics.hotReads[key]!++;
    }
  }
  const back = redisLinkArrival(c, j.instance[job]!, shardIx, false, done);
  schedule(s.queue, back, EV_LOCK_REPLY, job, packReply(code, result));
  if (c.trace) {
    const outcome = result >= 0 && (cmd === CMD_ACQUIRE || cmd === CMD_REREAD) ? 'l2-hit' : null;
    traceHop(
      c.trace,
      j.requestId[job]!,
      key,
      redisNode(shardIx),
      appNode(j.instance[job]!),
      done,
      back,
      'reply',
      outcome,
    );
  }
}

function serveCached(c: Ctx, job: number, version: number): void {
  fillL1(c, c.s.jobs.instance[job]!, c.s.jobs.key[job]!, version);
  respond(c, job, version, 'l2-hit');
}

/** Sleep, then read the cache again; or, once the re-reads are used up, query the database. */
function waitOrFallThrough(c: Ctx, job: number): void {
  const s = c.s;
  if (s.jobs.version[job]! >= mitOf(c).maxRetries) {
    mitState(c).lockFallThroughs++;
    s.jobs.kind[job] = JOB_FALL_THROUGH;
    sendToDb(c, job);
    return;
  }
  mitState(c).lockWaits++;
  schedule(s.queue, s.now + mitOf(c).backoffMs, EV_LOCK_BACKOFF, job, 0);
}

/** The shard's answer to a lock-protocol command reaches the instance. */
export function onLockReply(c: Ctx, job: number, packed: number): void {
  const j = c.s.jobs;
  const code = packed % 8;
  const result = Math.floor(packed / 8) - 2;
  if (code === R_WON || code === R_LOST) {
    if (result === REDIS_ERROR) {
      sendToDb(c, job); // Redis is down: read the database as a plain miss would
    } else if (code === R_WON) {
      // Holding the lock: fetch, or, if the pipelined GET found a value, just let go of the lock.
      if (result >= 0) j.version[job] = result;
      else j.kind[job] = JOB_LOCK_HOLDER;
      if (result >= 0) sendCmd(c, job, CMD_RELEASE, -1);
      else sendToDb(c, job);
    } else if (result >= 0) {
      serveCached(c, job, result);
    } else {
      j.version[job] = 0;
      waitOrFallThrough(c, job);
    }
  } else if (code === R_STORED) {
    sendCmd(c, job, CMD_RELEASE, -1);
  } else if (code === R_RELEASED) {
    const version = j.version[job]!;
    if (j.kind[job] === JOB_LOCK_HOLDER) {
      fillL1(c, j.instance[job]!, j.key[job]!, version);
      respond(c, job, version, 'db');
    } else serveCached(c, job, version);
  } else if (result >= 0) {
    serveCached(c, job, result);
  } else {
    j.version[job]!++;
    waitOrFallThrough(c, job);
  }
}

/** A loser's backoff is over: read the cache again (any copy of a replicated key). */
export function onLockBackoff(c: Ctx, job: number): void {
  sendCmd(c, job, CMD_REREAD, pickCopy(c, c.s.jobs.key[job]!));
}

/**
 * The holder's database read came back: store the value, then release the lock (copies of a
 * replicated key are written with ordinary SETs before the release).
 *
 * @example
 * if (kind === JOB_LOCK_HOLDER) onHolderFetched(c, job, version);
 */
export function onHolderFetched(c: Ctx, job: number, version: number): void {
  const j = c.s.jobs;
  j.version[job] = version;
  const key = j.key[job]!;
  if (copiesOf(c.m, key) > 0) {
    sendSet(c, key, j.instance[job]!, version);
    sendCmd(c, job, CMD_RELEASE, -1);
  } else {
    c.s.metrics.cacheWrites++;
    c.s.metrics.redisWriteCommands++;
    sendCmd(c, job, CMD_STORE, -1);
  }
}

/** A fall-through's database read came back: answer, caching nothing in Redis (as the article does). */
export function onFallThroughFetched(c: Ctx, job: number, version: number): void {
  fillL1(c, c.s.jobs.instance[job]!, c.s.jobs.key[job]!, version);
  respond(c, job, version, 'db');
}
