import { schedule } from '../../core/eventQueue.ts';
import { l1Clear } from '../../core/l1Cache.ts';
import { createRng } from '../../core/rng.ts';
import type { Ctx } from '../../flow/context.ts';
import { eventType } from '../../flow/kinds.ts';
import type { Mechanism } from '../../flow/mechanism.ts';
import type { CoreSeriesPoint } from '../../flow/types.ts';
import type { PointOf } from '../../../series/field.ts';
import { FAILURES_SERIES } from './series.ts';
import {
  crashShard,
  EV_INSTANCE_DOWN,
  EV_INSTANCE_UP,
  onInstanceDown,
  onInstanceUp,
  outagesOf,
  recoverShard,
  startDeploy,
  type OutageState,
} from './outages.ts';

/**
 * The scenario's failure timeline (`failures`). Each failure starts at its time and ends `durationMs`
 * later; this mechanism handles the kinds that take nodes down, and the `failure` and `recover` points
 * let the others act on theirs (a write-behind queue lost, a CDC consumer stopped, a latency spike, a
 * warm-up after a restart).
 * - `redis-restart`: every shard goes down and comes back with what its persistence kept
 *   (`cache.l2.persistence`); `redis-shard-crash`: the same for shard `target` only.
 * - `instance-crash`: instance `target` stops serving and loses its L1; it comes back cold.
 * - `deploy`: a rolling restart of the app instances (see outages.ts); it schedules its own steps.
 * While a shard is down, requests fall back to the database or fail (`cache.redisDownPolicy`).
 */

/** A failure starts. a: failure index. */
const EV_FAILURE = eventType('failures.start');
/** It ends. a: failure index. */
const EV_RECOVER = eventType('failures.end');

function onFailure(c: Ctx, index: number): void {
  const s = c.s;
  const f = c.m.scenario.failures[index]!;
  switch (f.kind) {
    case 'redis-restart':
      for (let i = 0; i < s.shards.length; i++) crashShard(c, i);
      break;
    case 'redis-shard-crash':
      crashShard(c, f.target);
      break;
    case 'deploy':
      startDeploy(c, index);
      return;
    case 'instance-crash':
      if (f.target < s.instanceUp.length) {
        s.instanceUp[f.target] = 0;
        l1Clear(s.l1[f.target]!);
      }
      break;
    default:
      break;
  }
  c.m.hooks.failure?.(c, index);
  schedule(s.queue, s.now + f.durationMs, EV_RECOVER, index, 0);
}

function onRecover(c: Ctx, index: number): void {
  const f = c.m.scenario.failures[index]!;
  switch (f.kind) {
    case 'redis-restart':
      for (let i = 0; i < c.s.shards.length; i++) recoverShard(c, i);
      break;
    case 'redis-shard-crash':
      recoverShard(c, f.target);
      break;
    case 'instance-crash':
      if (f.target < c.s.instanceUp.length) c.s.instanceUp[f.target] = 1;
      break;
    default:
      break;
  }
  c.m.hooks.recover?.(c, index);
}

export interface FailureSummary {
  /** Live entries lost or rolled back by Redis restarts (all of them without persistence). */
  keysLostOnRestart: number;
  /** Shard outages started (a cluster restart counts one per shard). */
  shardCrashes: number;
  /** App instances stopped by deploys. */
  instanceRestarts: number;
}

/** Its fields of the series point: the interval's refused commands, and the instances serving now. */
function sample(c: Ctx, point: CoreSeriesPoint): void {
  const r = outagesOf(c);
  const p = point as CoreSeriesPoint & PointOf<typeof FAILURES_SERIES>;
  const errors = c.s.redis.redisErrors;
  p.redisErrors = errors - r.lastErrors;
  p.instancesUp = c.s.instanceUp.reduce((n, u) => n + u, 0);
  r.lastErrors = errors;
}

export const failures: Mechanism<null, OutageState, FailureSummary> = {
  name: 'failures',
  reads: ['failures', 'cache.l2.persistence', 'topology.redisShards'],
  // No reconcile: the timeline (`failures`) and the shard count are restart-only; `cache.l2.persistence`
  // is read when a shard goes down and comes back.
  state: (m) => ({
    rng: createRng((m.seed ^ 0x5ed15) >>> 0),
    shardDowns: new Int32Array(m.scenario.topology.redisShards),
    keysLostOnRestart: 0,
    shardCrashes: 0,
    instanceRestarts: 0,
    lastErrors: 0,
  }),
  events: [
    [EV_FAILURE, onFailure],
    [EV_RECOVER, onRecover],
    [EV_INSTANCE_DOWN, onInstanceDown],
    [EV_INSTANCE_UP, onInstanceUp],
  ],
  start: (c) => c.m.scenario.failures.forEach((f, i) => schedule(c.s.queue, f.atMs, EV_FAILURE, i, 0)),
  series: FAILURES_SERIES,
  sample,
  summary: (c) => {
    const r = outagesOf(c);
    return {
      keysLostOnRestart: r.keysLostOnRestart,
      shardCrashes: r.shardCrashes,
      instanceRestarts: r.instanceRestarts,
    };
  },
};
