import { CDC_LOGS } from './series.ts';
import { schedule } from '../../core/eventQueue.ts';
import { exponential } from '../../core/samplers.ts';
import { EV_REDIS_ARRIVE, OP_DEL, redisHop, redisNode, type Ctx } from '../../flow/context.ts';
import { allocJob, JOB_BG_DEL } from '../../flow/jobs.ts';
import { eventType } from '../../flow/kinds.ts';
import type { Mechanism } from '../../flow/mechanism.ts';
import { shardOf } from '../../flow/addressing.ts';
import { logPush, logView, type Log } from '../../flow/series.ts';
import { mergeGauges } from '../../flow/seriesMerge.ts';
import { traceHop } from '../../flow/trace.ts';
import type { SimMs } from '../../flow/types.ts';

/**
 * Change data capture: the app writes to the database only; every commit puts a change event into
 * the broker (binlog, connector, topic, one FIFO here), and a single consumer turns each event into a
 * Redis DEL once the pipeline's lag has passed. The consumer handles one event per `consumerMs`, so
 * after an outage the backlog drains at a finite rate. Events never overtake one another.
 */

/** Node id of the CDC pipeline on the stage. */
const CDC_NODE = 'cdc';

/** The consumer looks at the head of the broker. */
const EV_CDC_WAKE = eventType('cdc.wake');

export interface CdcState {
  /** The broker: change events (key, version, commit time, when the consumer may see it). */
  key: Int32Array;
  version: Float64Array;
  commitAt: Float64Array;
  readyAt: Float64Array;
  requestId: Float64Array;
  head: number;
  len: number;
  /** The consumer: running or stopped by an outage, a wake-up pending, busy until. */
  up: boolean;
  scheduled: boolean;
  freeAt: number;
  lastReadyAt: number;
  published: number;
  processed: number;
  maxBacklog: number;
  lagSumMs: number;
  maxLagMs: number;
}

/** An empty broker and an idle consumer (at the start, or when a change switches to `cdc`). */
function newCdcState(): CdcState {
  const cap = 64;
  return {
    key: new Int32Array(cap),
    version: new Float64Array(cap),
    commitAt: new Float64Array(cap),
    readyAt: new Float64Array(cap),
    requestId: new Float64Array(cap),
    head: 0,
    len: 0,
    up: true,
    scheduled: false,
    freeAt: 0,
    lastReadyAt: 0,
    published: 0,
    processed: 0,
    maxBacklog: 0,
    lagSumMs: 0,
    maxLagMs: 0,
  };
}

const stateOf = (c: Ctx): CdcState | null => c.s.mech.cdc as CdcState | null;

/**
 * A write committed under `cdc`: its change event enters the broker.
 *
 * @example
 * hooks.commit = publishChange; // under `cdc`
 */
function publishChange(c: Ctx, key: number, version: number): void {
  const s = c.s;
  const cdc = stateOf(c)!;
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
  const cdc = stateOf(c)!;
  if (!cdc.up || cdc.scheduled || cdc.len === 0) return;
  let t = cdc.readyAt[cdc.head]!;
  if (cdc.freeAt > t) t = cdc.freeAt;
  if (c.s.now > t) t = c.s.now;
  cdc.scheduled = true;
  schedule(c.s.queue, t, EV_CDC_WAKE, 0, 0);
}

/** The consumer takes the head event when it is visible and sends its DEL through the shard's queue. */
function onCdcWake(c: Ctx): void {
  const s = c.s;
  const cdc = stateOf(c)!;
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
function stopConsumer(c: Ctx, index: number): void {
  const cdc = stateOf(c);
  if (cdc && c.m.scenario.failures[index]!.kind === 'cdc-outage') cdc.up = false;
}

/** The outage ends: the consumer resumes from where it stopped and drains the backlog. */
function resumeConsumer(c: Ctx, index: number): void {
  const cdc = stateOf(c);
  if (!cdc || c.m.scenario.failures[index]!.kind !== 'cdc-outage') return;
  cdc.up = true;
  wakeConsumer(c);
}

/** How long the oldest event in the broker has waited since its commit (0 when empty). */
function consumerLagMs(cdc: CdcState, now: number): number {
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

export interface CdcSummary {
  /** Change events the database emitted, and the ones the consumer turned into a DEL. */
  published: number;
  processed: number;
  /** Events still in the broker at the end, and the most there at once. */
  backlogAtEnd: number;
  maxBacklog: number;
  /** Time from a commit to the consumer taking its event. */
  meanConsumerLagMs: SimMs;
  maxConsumerLagMs: SimMs;
  series: CdcSample[];
}

/** One CDC sample: events waiting in the broker, and the consumer's lag. */
export interface CdcSample {
  tMs: SimMs;
  backlog: number;
  consumerLagMs: SimMs;
}

/** The CDC figures of a run so far, or null when the strategy is another. */
function cdcSummary(c: Ctx): CdcSummary | null {
  const cdc = stateOf(c);
  if (cdc === null) return null;
  return {
    published: cdc.published,
    processed: cdc.processed,
    backlogAtEnd: cdc.len,
    maxBacklog: cdc.maxBacklog,
    meanConsumerLagMs: cdc.processed > 0 ? cdc.lagSumMs / cdc.processed : 0,
    maxConsumerLagMs: Math.max(cdc.maxLagMs, consumerLagMs(cdc, c.s.now)),
    series: logView(c.series.logs.cdc!) as CdcSample[],
  };
}

export const cdc: Mechanism<boolean, CdcState | null, { cdc: CdcSummary | null }> = {
  name: 'cdc',
  reads: ['cache.strategy', 'cache.cdc', 'failures'],
  model: (scenario) => scenario.cache.strategy === 'cdc',
  state: (_m, on) => (on ? newCdcState() : null),
  // After a switch away from `cdc` the broker drains, but new commits publish nothing.
  hooks: (on) => ({
    failure: stopConsumer,
    recover: resumeConsumer,
    ...(on ? { commit: publishChange } : {}),
  }),
  events: [[EV_CDC_WAKE, onCdcWake]],
  // A switch to `cdc` creates the broker and consumer if this run never had them.
  reconcile: (c) => {
    if (c.m.scenario.cache.strategy === 'cdc') c.s.mech.cdc ??= newCdcState();
  },
  logs: CDC_LOGS,
  sample: (c) => {
    const st = stateOf(c);
    if (st)
      logPush<CdcSample>(
        c.series.logs.cdc! as Log<CdcSample>,
        { tMs: c.s.now, backlog: st.len, consumerLagMs: consumerLagMs(st, c.s.now) },
        mergeGauges,
      );
  },
  summary: (c): { cdc: CdcSummary | null } => ({ cdc: cdcSummary(c) }),
  nodeView: (c, view) => {
    const st = stateOf(c);
    if (st) view.cdc = { backlog: st.len, up: st.up, processed: st.processed };
  },
};
