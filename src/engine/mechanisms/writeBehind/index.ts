import { WRITE_BEHIND_LOGS } from './series.ts';
import { JOB_WRITE } from '../../flow/jobs.ts';
import type { Ctx } from '../../flow/context.ts';
import { sendToDb } from '../../flow/dbFlow.ts';
import type { Mechanism } from '../../flow/mechanism.ts';
import { logPush, logView, type Log } from '../../flow/series.ts';
import { mergeGauges } from '../../flow/seriesMerge.ts';
import type { SimMs } from '../../flow/types.ts';
import {
  acceptWrite,
  batchServiceMean,
  dbLagMs,
  EV_WB_TICK,
  JOB_FLUSH,
  loseQueue,
  noteDbRead,
  onFlushDone,
  onWriteBehindTick,
  reconcileWriteBehind,
  startWriteBehind,
  unflushed,
  wbOf,
} from './flusher.ts';
import { newWriteBehindState, type WriteBehindState } from './state.ts';

/**
 * Write-behind (`cache.strategy: "write-behind"`): writes are acknowledged once in Redis and a queue,
 * and flushed to the database in batches (flusher.ts). Its failures: a crashed instance loses the
 * writes its queue held, a Redis restart the queues kept there.
 */

export interface WriteBehindSummary {
  /** Writes acknowledged to clients before reaching the database. */
  acknowledged: number;
  /** Writes the flushers committed to the database, and the batches they used. */
  flushedRows: number;
  batches: number;
  /** Acknowledged writes neither committed nor lost when the run ended (queued or in flight). */
  pendingAtEnd: number;
  /** Acknowledged writes dropped with their queue (instance crash, or Redis restart with the queue there). */
  lostWrites: number;
  /** Most acknowledged writes waiting for the database at once. */
  maxQueueDepth: number;
  /** Age of the oldest write the database did not have yet: its maximum, and the mean per flushed write. */
  maxDbLagMs: SimMs;
  meanDbLagMs: SimMs;
  /** Rows overwritten by an older version (unordered flushes only). */
  dbRegressions: number;
  /** Reads the database answered with an older version than one it had already applied. */
  regressionStaleReads: number;
  series: WriteBehindSample[];
}

/** One write-behind sample: writes acknowledged and not committed yet, and the database's lag. */
export interface WriteBehindSample {
  tMs: SimMs;
  queueDepth: number;
  dbLagMs: SimMs;
}

/** A failure that concerns the queues: a crashed instance's, or all of them when they live in Redis. */
function onFailure(c: Ctx, index: number): void {
  const wb = wbOf(c);
  if (wb === null) return;
  const f = c.m.scenario.failures[index]!;
  const queueIn = c.m.scenario.cache.writeBehind.queueIn;
  if (f.kind === 'instance-crash' && f.target < c.s.instanceUp.length && queueIn === 'app') {
    loseQueue(c, f.target);
  } else if (f.kind === 'redis-restart' && queueIn === 'redis') {
    for (let i = 0; i < wb.queues.length; i++) loseQueue(c, i);
  }
}

function summary(c: Ctx): WriteBehindSummary | null {
  const wb = wbOf(c);
  if (wb === null) return null;
  const pending = unflushed(wb);
  const lagNow = dbLagMs(wb, c.s.now);
  return {
    acknowledged: wb.acknowledged,
    flushedRows: wb.flushedRows,
    batches: wb.batchesSent,
    pendingAtEnd: pending,
    lostWrites: wb.lost,
    maxQueueDepth: wb.maxDepth,
    maxDbLagMs: Math.max(wb.maxLagMs, lagNow, wb.maxSampledLagMs),
    meanDbLagMs: wb.flushedRows > 0 ? wb.lagSumMs / wb.flushedRows : 0,
    dbRegressions: wb.regressions,
    regressionStaleReads: wb.regressionStaleReads,
    series: logView(c.series.logs.writeBehind!) as WriteBehindSample[],
  };
}

export const writeBehind: Mechanism<
  boolean,
  WriteBehindState | null,
  { writeBehind: WriteBehindSummary | null }
> = {
  name: 'writeBehind',
  reads: ['cache.strategy', 'cache.writeBehind', 'database.writeMs', 'topology.instances', 'failures'],
  model: (scenario) => scenario.cache.strategy === 'write-behind',
  state: (m, on) => (on ? newWriteBehindState(m) : null),
  // Reads and failures concern the queues as long as the run has them (they drain after a switch away).
  hooks: (on) => ({
    ...(on ? { write: acceptWrite } : {}),
    dbReply: (c, job, version) => {
      if (wbOf(c) !== null && c.s.jobs.kind[job] !== JOB_WRITE) noteDbRead(c, c.s.jobs.key[job]!, version);
    },
    failure: onFailure,
  }),
  events: [[EV_WB_TICK, onWriteBehindTick]],
  jobs: [
    {
      kind: JOB_FLUSH,
      serviceMs: batchServiceMean,
      dbDone: onFlushDone,
      // A batch the pool gave up on is sent again.
      dbFailed: sendToDb,
    },
  ],
  start: startWriteBehind,
  reconcile: reconcileWriteBehind,
  logs: WRITE_BEHIND_LOGS,
  sample: (c) => {
    const wb = wbOf(c);
    if (!wb) return;
    const dbLag = dbLagMs(wb, c.s.now);
    if (dbLag > wb.maxSampledLagMs) wb.maxSampledLagMs = dbLag;
    const log = c.series.logs.writeBehind! as Log<WriteBehindSample>;
    logPush(log, { tMs: c.s.now, queueDepth: unflushed(wb), dbLagMs: dbLag }, mergeGauges);
  },
  summary: (c): { writeBehind: WriteBehindSummary | null } => ({ writeBehind: summary(c) }),
  nodeView: (c, view) => {
    const wb = wbOf(c);
    if (wb) view.instances.forEach((inst, i) => (inst.writeQueue = wb.queues[i]!.len));
  },
};
