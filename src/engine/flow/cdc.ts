import { schedule } from '../core/eventQueue.ts';
import { exponential } from '../core/samplers.ts';
import { EV_CDC_WAKE, EV_REDIS_ARRIVE, OP_DEL, redisHop, redisNode, type Ctx } from './context.ts';
import { allocJob, JOB_BG_DEL } from './jobs.ts';
import { shardOf } from './model.ts';
import { traceHop } from './trace.ts';
import type { CdcState } from './writePathState.ts';

/**
 * Change data capture: the app writes to the database only; every commit puts a change event into
 * the broker (binlog, connector, topic, one FIFO here), and a single consumer turns each event into a
 * Redis DEL once the pipeline's lag has passed. The consumer handles one event per `consumerMs`, so
 * after an outage the backlog drains at a finite rate. Events never overtake one another.
 */

/** Node id of the CDC pipeline on the stage. */
export const CDC_NODE = 'cdc';

/**
 * A write committed under `cdc`: its change event enters the broker.
 *
 * @example
 * if (c.s.cdc !== null) publishChange(c, key, version);
 */
export function publishChange(c: Ctx, key: number, version: number): void {
  const s = c.s;
  const cdc = s.cdc!;
  const cfg = c.m.scenario.cache.cdc;
  const lag = cfg.lagDistribution === 'exponential' ? exponential(s.rng, cfg.lagMs) : cfg.lagMs;
  // FIFO: an event cannot be seen before the one committed ahead of it.
  const ready = Math.max(s.now + lag, cdc.lastReadyAt);
  cdc.lastReadyAt = ready;
  if (cdc.len === cdc.key.length) grow(cdc);
  const slot = (cdc.head + cdc.len) % cdc.key.length;
  const id = s.jobs.nextRequestId++;
  cdc.key[slot] = key;
  cdc.version[slot] = version;
  cdc.commitAt[slot] = s.now;
  cdc.readyAt[slot] = ready;
  cdc.requestId[slot] = id;
  cdc.len++;
  cdc.published++;
  if (cdc.len > cdc.maxBacklog) cdc.maxBacklog = cdc.len;
  if (c.trace) traceHop(c.trace, id, key, 'db', CDC_NODE, s.now, ready, 'invalidate', 'write');
  wakeConsumer(c);
}

/** Schedules the consumer's next look at the broker, unless it is stopped, idle or already due. */
function wakeConsumer(c: Ctx): void {
  const cdc = c.s.cdc!;
  if (!cdc.up || cdc.scheduled || cdc.len === 0) return;
  let t = cdc.readyAt[cdc.head]!;
  if (cdc.freeAt > t) t = cdc.freeAt;
  if (c.s.now > t) t = c.s.now;
  cdc.scheduled = true;
  schedule(c.s.queue, t, EV_CDC_WAKE, 0, 0);
}

/** The consumer takes the head event when it is visible and sends its DEL through the shard's queue. */
export function onCdcWake(c: Ctx): void {
  const s = c.s;
  const cdc = s.cdc!;
  cdc.scheduled = false;
  if (!cdc.up || cdc.len === 0) return;
  if (cdc.readyAt[cdc.head]! > s.now || cdc.freeAt > s.now) {
    wakeConsumer(c);
    return;
  }
  const head = cdc.head;
  const key = cdc.key[head]!;
  cdc.head = (head + 1) % cdc.key.length;
  cdc.len--;
  cdc.processed++;
  const lag = s.now - cdc.commitAt[head]!;
  cdc.lagSumMs += lag;
  if (lag > cdc.maxLagMs) cdc.maxLagMs = lag;
  const sent = s.now + c.m.scenario.cache.cdc.consumerMs;
  cdc.freeAt = sent;
  const job = allocJob(s.jobs, JOB_BG_DEL, key, 0, s.now);
  const arrive = sent + redisHop(c);
  schedule(s.queue, arrive, EV_REDIS_ARRIVE, job, OP_DEL);
  if (c.trace) {
    const to = redisNode(shardOf(c.m, key));
    traceHop(c.trace, cdc.requestId[head]!, key, CDC_NODE, to, sent, arrive, 'invalidate', 'write');
  }
  wakeConsumer(c);
}

/** `cdc-outage` starts: the consumer stops; events keep piling up in the broker. */
export function stopConsumer(c: Ctx): void {
  if (c.s.cdc) c.s.cdc.up = false;
}

/** The outage ends: the consumer resumes from where it stopped and drains the backlog. */
export function resumeConsumer(c: Ctx): void {
  if (!c.s.cdc) return;
  c.s.cdc.up = true;
  wakeConsumer(c);
}

/** How long the oldest event in the broker has waited since its commit (0 when empty). */
export function consumerLagMs(cdc: CdcState, now: number): number {
  return cdc.len > 0 ? now - cdc.commitAt[cdc.head]! : 0;
}

function grow(cdc: CdcState): void {
  const cap = cdc.key.length;
  const k = new Int32Array(cap * 2);
  const v = new Float64Array(cap * 2);
  const ca = new Float64Array(cap * 2);
  const ra = new Float64Array(cap * 2);
  const id = new Float64Array(cap * 2);
  for (let i = 0; i < cdc.len; i++) {
    const from = (cdc.head + i) % cap;
    k[i] = cdc.key[from]!;
    v[i] = cdc.version[from]!;
    ca[i] = cdc.commitAt[from]!;
    ra[i] = cdc.readyAt[from]!;
    id[i] = cdc.requestId[from]!;
  }
  Object.assign(cdc, { key: k, version: v, commitAt: ca, readyAt: ra, requestId: id, head: 0 });
}
