import { l1Clear } from '../core/l1Cache.ts';
import type { CdcSummary, WriteBehindSummary } from '../types.ts';
import { consumerLagMs, resumeConsumer, stopConsumer } from './cdc.ts';
import type { Ctx } from './context.ts';
import { logPush, logView, type Series } from './series.ts';
import type { State } from './state.ts';
import { dbLagMs, loseQueue, reconcileWriteBehind, unflushed } from './writeBehind.ts';
import type { Model } from './model.ts';
import { newCdcState } from './writePathState.ts';

/**
 * The hooks the shared flow calls for the write paths: failures that hit them, sampling into their
 * series, and their part of the Summary. Each is a no-op when its mechanism is not in use.
 */

/**
 * A failure from the timeline that concerns the write paths starts. `instance-crash`: the instance
 * stops serving and loses its L1 and, when it holds the write-behind queue, every write not flushed
 * yet. `redis-restart` with the queue in Redis loses every queue. `cdc-outage` stops the consumer.
 *
 * @example
 * onWritePathFailure(c, 'instance-crash', 1); // instance app-1 dies
 */
export function onWritePathFailure(c: Ctx, kind: string, target: number): void {
  const s = c.s;
  if (kind === 'instance-crash' && target < s.instanceUp.length) {
    s.instanceUp[target] = 0;
    l1Clear(s.l1[target]!);
    if (s.wb && c.m.scenario.cache.writeBehind.queueIn === 'app') loseQueue(c, target);
  } else if (kind === 'redis-restart') {
    if (s.wb && c.m.scenario.cache.writeBehind.queueIn === 'redis') {
      for (let i = 0; i < s.wb.queues.length; i++) loseQueue(c, i);
    }
  } else if (kind === 'cdc-outage') {
    stopConsumer(c);
  }
}

/**
 * The strategy changed mid-run: write-behind starts or drains (see reconcileWriteBehind); a switch to
 * `cdc` creates the broker and consumer if this run never had them. Away from `cdc`, the consumer goes
 * on draining the events already in the broker, and commits publish no new ones (see onDbDone).
 *
 * @example
 * reconcileWritePaths(c, before);
 */
export function reconcileWritePaths(c: Ctx, before: Model): void {
  reconcileWriteBehind(c, before);
  if (c.m.scenario.cache.strategy === 'cdc') c.s.cdc ??= newCdcState();
}

/** The failure ends: the instance comes back cold (empty L1 and queue), the consumer resumes. */
export function onWritePathRecover(c: Ctx, kind: string, target: number): void {
  if (kind === 'instance-crash' && target < c.s.instanceUp.length) c.s.instanceUp[target] = 1;
  else if (kind === 'cdc-outage') resumeConsumer(c);
}

/**
 * The load balancer's pick when instance `i` is down: the next one that is up, in index order, or
 * `i` itself when every instance is down (the request then fails).
 */
export function nextUpInstance(s: State, i: number): number {
  const n = s.instanceUp.length;
  for (let k = 1; k < n; k++) {
    const j = (i + k) % n;
    if (s.instanceUp[j] === 1) return j;
  }
  return i;
}

/** Adds a point to the write paths' series at each sample instant. */
export function sampleWritePaths(c: Ctx, series: Series): void {
  const s = c.s;
  if (s.wb) {
    const dbLag = dbLagMs(s.wb, s.now);
    if (dbLag > s.wb.maxSampledLagMs) s.wb.maxSampledLagMs = dbLag;
    logPush(series.wb, { tMs: s.now, queueDepth: unflushed(s.wb), dbLagMs: dbLag });
  }
  if (s.cdc) {
    logPush(series.cdc, { tMs: s.now, backlog: s.cdc.len, consumerLagMs: consumerLagMs(s.cdc, s.now) });
  }
}

/** The write-behind figures of a run so far, or null when the strategy is another. */
export function writeBehindSummary(s: State, series: Series): WriteBehindSummary | null {
  const wb = s.wb;
  if (wb === null) return null;
  const pending = unflushed(wb);
  const lagNow = dbLagMs(wb, s.now);
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
    series: logView(series.wb),
  };
}

/** The CDC figures of a run so far, or null when the strategy is another. */
export function cdcSummary(s: State, series: Series): CdcSummary | null {
  const cdc = s.cdc;
  if (cdc === null) return null;
  return {
    published: cdc.published,
    processed: cdc.processed,
    backlogAtEnd: cdc.len,
    maxBacklog: cdc.maxBacklog,
    meanConsumerLagMs: cdc.processed > 0 ? cdc.lagSumMs / cdc.processed : 0,
    maxConsumerLagMs: Math.max(cdc.maxLagMs, consumerLagMs(cdc, s.now)),
    series: logView(series.cdc),
  };
}
