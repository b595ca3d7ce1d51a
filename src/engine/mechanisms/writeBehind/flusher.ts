import { schedule } from '../../core/eventQueue.ts';
import { appNode, dbHop, EV_DB_ARRIVE, redisNode, scheduleTick, type Ctx } from '../../flow/context.ts';
import { sendToDb } from '../../flow/dbFlow.ts';
import { allocJob, freeJob } from '../../flow/jobs.ts';
import { eventType, jobKind } from '../../flow/kinds.ts';
import { I_DB_WRITE } from '../../flow/metrics.ts';
import { shardOf } from '../../flow/addressing.ts';
import { type Model } from '../../flow/model.ts';
import { sendSetAndWait } from '../../flow/redisSend.ts';
import { fillL1 } from '../../flow/reply.ts';
import { traceHop, traceLoss } from '../../flow/trace.ts';
import { newWriteBehindState, pushWrite, type Batch, type WriteBehindState } from './state.ts';

/**
 * Write-behind, as the article's worker does it: a write goes to Redis and to its instance's queue
 * and is acknowledged at once; a flusher per instance sends the queue to the database in batches,
 * when `batchSize` writes wait or `flushIntervalMs` has passed. A batch is one database job holding
 * one connection for `writeMs * (1 + (n - 1) * rowCost)`: one round trip and commit, plus a little
 * per extra row of the multi-row statement.
 */

/** A batch on its way through the database pool. */
export const JOB_FLUSH = jobKind('writeBehind.flush');
/** The flush interval of an instance elapsed. a: instance. */
export const EV_WB_TICK = eventType('writeBehind.tick');

/** Write-behind's state (null in a run that never used the strategy). */
export const wbOf = (c: Ctx): WriteBehindState | null => c.s.mech.writeBehind as WriteBehindState | null;

/** Schedules the first flush interval of every instance whose flusher is not running yet. */
export function startWriteBehind(c: Ctx): void {
  const wb = wbOf(c);
  if (wb === null) return;
  const t = c.s.now + c.m.scenario.cache.writeBehind.flushIntervalMs;
  if (t > c.m.durationMs) return;
  for (let i = 0; i < wb.ticking.length; i++) {
    if (wb.ticking[i] === 1) continue;
    wb.ticking[i] = 1;
    schedule(c.s.queue, t, EV_WB_TICK, i, 0);
  }
}

/**
 * The strategy changed mid-run. To write-behind: the queues and flushers are created if this run never
 * had them, and every flusher not running starts its interval now. Away from write-behind: the writes
 * already acknowledged are not dropped but flushed: each flusher sends what it holds at once and keeps
 * its interval until its queue is empty (see onWriteBehindTick); new writes follow the new strategy.
 *
 * @example
 * reconcileWriteBehind(c, before); // after a change of cache.strategy
 */
export function reconcileWriteBehind(c: Ctx, before: Model): void {
  const was = before.scenario.cache.strategy === 'write-behind';
  const on = c.m.scenario.cache.strategy === 'write-behind';
  if (on === was) return;
  if (on) {
    c.s.mech.writeBehind ??= newWriteBehindState(c.m);
    startWriteBehind(c);
    return;
  }
  const wb = wbOf(c)!;
  for (let i = 0; i < wb.queues.length; i++) {
    if (c.s.instanceUp[i] === 0) continue;
    if (c.m.scenario.cache.writeBehind.ordered && wb.inFlight[i]! > 0) wb.tickMissed[i] = 1;
    else flush(c, i);
  }
}

/**
 * A client write reaches instance `inst` under write-behind: it gets the next version, joins the
 * queue, fills the writer's L1, and its SET to Redis is what the client waits for.
 *
 * @example
 * if (!isRead && strategy === 'write-behind') return acceptWrite(c, job);
 */
export function acceptWrite(c: Ctx, job: number): boolean {
  const s = c.s;
  const wb = wbOf(c)!;
  const cfg = c.m.scenario.cache.writeBehind;
  const key = s.jobs.key[job]!;
  const inst = s.jobs.instance[job]!;
  // A queue kept in Redis cannot take the write while the key's shard is down: write synchronously.
  if (cfg.queueIn === 'redis' && !s.shards[shardOf(c.m, key)]!.up) {
    sendToDb(c, job);
    return true;
  }
  const version = ++s.db.latest[key]!;
  s.db.latestAt[key] = s.now;
  const q = wb.queues[inst]!;
  pushWrite(q, key, version, s.now);
  wb.acknowledged++;
  const depth = unflushed(wb);
  if (depth > wb.maxDepth) wb.maxDepth = depth;
  fillL1(c, inst, key, version);
  sendSetAndWait(c, job, version);
  if (q.len >= cfg.batchSize && (!cfg.ordered || wb.inFlight[inst] === 0)) flush(c, inst);
  return true;
}

/**
 * The flush interval of instance `inst` elapsed: send what waits, unless a batch is in flight. After a
 * switch away from write-behind the flusher stops once its queue is empty.
 */
export function onWriteBehindTick(c: Ctx, inst: number): void {
  const s = c.s;
  const wb = wbOf(c)!;
  const interval = c.m.scenario.cache.writeBehind.flushIntervalMs;
  const drained = c.m.scenario.cache.strategy !== 'write-behind' && wb.queues[inst]!.len === 0;
  if (!drained && s.now + interval <= c.m.durationMs) {
    scheduleTick(c, s.now + interval, EV_WB_TICK, inst, 0);
  } else {
    wb.ticking[inst] = 0;
  }
  if (s.instanceUp[inst] === 0) return;
  if (c.m.scenario.cache.writeBehind.ordered && wb.inFlight[inst]! > 0) wb.tickMissed[inst] = 1;
  else flush(c, inst);
}

/** Moves up to `batchSize` writes from the head of the instance's queue into a batch for the database. */
function flush(c: Ctx, inst: number): void {
  const s = c.s;
  const wb = wbOf(c)!;
  const q = wb.queues[inst]!;
  const size = c.m.scenario.cache.writeBehind.batchSize;
  const n = q.len < size ? q.len : size;
  if (n === 0) return;
  const index = allocBatch(wb, size);
  const b = wb.batches[index]!;
  const cap = q.key.length;
  for (let i = 0; i < n; i++) {
    b.key[i] = q.key[q.head]!;
    b.version[i] = q.version[q.head]!;
    b.at[i] = q.at[q.head]!;
    q.head = (q.head + 1) % cap;
  }
  q.len -= n;
  b.n = n;
  b.instance = inst;
  wb.inFlight[inst]!++;
  wb.tickMissed[inst] = 0;
  wb.batchesSent++;
  const job = allocJob(s.jobs, JOB_FLUSH, b.key[0]!, inst, s.now);
  s.jobs.version[job] = index;
  const arrive = s.now + dbHop(c);
  schedule(s.queue, arrive, EV_DB_ARRIVE, job, 0);
  if (c.trace) {
    const id = s.jobs.requestId[job]!;
    traceHop(c.trace, id, b.key[0]!, appNode(inst), 'db', s.now, arrive, 'flush', 'write');
    const hop = c.trace.hops[c.trace.hops.length - 1];
    if (hop) hop.rows = n;
  }
}

function allocBatch(wb: WriteBehindState, size: number): number {
  // A free buffer serves if it can hold a batch of the size in force (batchSize may grow mid-run).
  for (let i = 0; i < wb.batches.length; i++) {
    const b = wb.batches[i]!;
    if (b.n === 0 && b.key.length >= size) return i;
  }
  const b: Batch = {
    key: new Int32Array(size),
    version: new Float64Array(size),
    at: new Float64Array(size),
    n: 0,
    instance: 0,
  };
  wb.batches.push(b);
  return wb.batches.length - 1;
}

/** Mean service time of a batch job, for the database pool. */
export function batchServiceMean(c: Ctx, job: number): number {
  const cfg = c.m.scenario.cache.writeBehind;
  const n = wbOf(c)!.batches[c.s.jobs.version[job]!]!.n;
  return c.m.scenario.database.writeMs * (1 + (n - 1) * cfg.rowCost);
}

/**
 * A batch commits (called by the database pool, which has already released the connection). Ordered:
 * a row is applied only when its version is newer, so nothing goes back in time. Unordered: every row
 * overwrites, and an older version landing last is a regression of the database.
 */
export function onFlushDone(c: Ctx, job: number): boolean {
  const s = c.s;
  const wb = wbOf(c)!;
  const mt = s.metrics;
  const b = wb.batches[s.jobs.version[job]!]!;
  const ordered = c.m.scenario.cache.writeBehind.ordered;
  const db = s.db;
  for (let i = 0; i < b.n; i++) {
    const key = b.key[i]!;
    const v = b.version[i]!;
    const current = db.versions[key]!;
    const lag = s.now - b.at[i]!;
    wb.lagSumMs += lag;
    if (lag > wb.maxLagMs) wb.maxLagMs = lag;
    if (ordered && v <= current) continue;
    if (v < current) wb.regressions++;
    wb.regressed[key] = v < current ? 1 : 0;
    db.versions[key] = v;
    db.commitTime[key] = s.now;
  }
  wb.flushedRows += b.n;
  mt.dbWrites += b.n;
  mt.interval[I_DB_WRITE]! += b.n;
  mt.dbDone++;
  mt.dbLatencySum += s.now - s.jobs.dbArrive[job]!;
  const inst = b.instance;
  b.n = 0;
  wb.inFlight[inst]!--;
  freeJob(s.jobs, job);
  if (!ordered || s.instanceUp[inst] === 0) return true;
  const q = wb.queues[inst]!;
  if (q.len >= c.m.scenario.cache.writeBehind.batchSize || wb.tickMissed[inst] === 1) flush(c, inst);
  return true;
}

/** A read served from the database: counts it when the row went back in time (unordered flushes). */
export function noteDbRead(c: Ctx, key: number, version: number): void {
  const wb = wbOf(c)!;
  if (wb.regressed[key] === 1 && version < c.s.db.latest[key]!) wb.regressionStaleReads++;
}

/** Acknowledged writes not yet committed: queued plus in flight. */
export function unflushed(wb: WriteBehindState): number {
  let n = 0;
  for (const q of wb.queues) n += q.len;
  for (const b of wb.batches) n += b.n;
  return n;
}

/** Age of the oldest acknowledged write the database does not have yet (0 when none waits). */
export function dbLagMs(wb: WriteBehindState, now: number): number {
  let oldest = now;
  for (const b of wb.batches) if (b.n > 0 && b.at[0]! < oldest) oldest = b.at[0]!;
  for (const q of wb.queues) if (q.len > 0 && q.at[q.head]! < oldest) oldest = q.at[q.head]!;
  return now - oldest;
}

/**
 * Drops a queue (its holder crashed) and counts its writes as lost: they were acknowledged. Traced, the
 * writes vanish where the queue lived: the instance, or (queue in Redis) the shards of their keys.
 */
export function loseQueue(c: Ctx, inst: number): void {
  const wb = wbOf(c)!;
  const q = wb.queues[inst]!;
  if (c.trace && q.len > 0) {
    const cap = q.key.length;
    const keys = Array.from({ length: q.len }, (_, i) => q.key[(q.head + i) % cap]!);
    const inRedis = c.m.scenario.cache.writeBehind.queueIn === 'redis';
    const node = (i: number) => (inRedis ? redisNode(shardOf(c.m, keys[i]!)) : appNode(inst));
    traceLoss(c.trace, node, keys, c.s.now);
  }
  wb.lost += q.len;
  c.s.metrics.lostWrites += q.len;
  q.len = 0;
  q.head = 0;
  wb.tickMissed[inst] = 0;
}
