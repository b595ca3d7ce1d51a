import type { Ctx } from '../../flow/context.ts';
import type { Mechanism } from '../../flow/mechanism.ts';
import type { Model } from '../../flow/model.ts';
import type { HookSet } from '../../flow/points.ts';
import { joinFlight } from '../../flow/reply.ts';
import { onRefreshFailed, onRefreshFetched, onRefreshTick, startRefresher } from './backgroundRefresh.ts';
import {
  onFallThroughFetched,
  onHolderFetched,
  onLockBackoff,
  onLockCmd,
  onLockReply,
  tryLock,
} from './lock.ts';
import {
  createMitigationModel,
  createMitigationState,
  EV_LOCK_BACKOFF,
  EV_LOCK_CMD,
  EV_LOCK_REPLY,
  EV_REFRESH_TICK,
  EV_WARM,
  JOB_FALL_THROUGH,
  JOB_LOCK_HOLDER,
  JOB_REFRESH,
  JOB_WARM,
  JOB_XFETCH,
  mitOf,
  mitState,
  type MitigationModel,
  type MitigationState,
} from './mitigation.ts';
import { onWarm, onWarmDone, onWarmFetched, warmAfterRestart, warmOnStart } from './warming.ts';
import { onXfetchFetched, onXfetchStored, recordDelta, xfetchOnHit } from './xfetch.ts';

/**
 * The stampede mitigations (`cache.stampede.mode`): single-flight, a lock (lock.ts), XFetch's early
 * recompute (xfetch.ts), a background refresher (backgroundRefresh.ts); and cache warming
 * (`cache.warming`, warming.ts). Each acts only in its mode, so the default configuration pays nothing.
 */

/** What a stampede mode does at the points. */
function hooks(mit: MitigationModel): HookSet {
  const out: HookSet = {
    recover: (c, index) => {
      const kind = c.m.scenario.failures[index]!.kind;
      if (kind === 'redis-restart' || kind === 'redis-shard-crash') warmAfterRestart(c);
    },
  };
  // Single-flight: a read that misses L1 or Redis while another read of its key is being fetched waits.
  if (mit.singleFlight) out.l1Miss = out.l2Miss = joinFlight;
  if (mit.lock) out.l2Miss = tryLock;
  if (mit.xfetch) {
    out.l2Hit = xfetchOnHit;
    out.dbReply = recordDelta;
  }
  return out;
}

/**
 * A change mid-run reached the mitigations. Entering `xfetch` gives the run its per-key δ table; entering
 * `background-refresh`, or changing the keys it watches, starts the refresher anew. Leaving a mode stops
 * it from the next request on: locks already held run out (released, or at their TTL), requests waiting
 * on a lock or a coalesced fetch finish as they started, a pending refresh is dropped.
 */
function reconcile(c: Ctx, before: Model): void {
  const mit = mitOf(c);
  const was = before.mech.stampede as MitigationModel;
  const st = mitState(c);
  if (mit.xfetch && st.delta.length === 0) {
    st.delta = new Float64Array(c.m.keyCount);
    st.cycleExpiry = new Float64Array(c.m.keyCount).fill(-1);
  }
  if (mit.refresh && (!was.refresh || was.refreshKeys !== mit.refreshKeys)) startRefresher(c);
}

/** Figures of the stampede and hot-key mitigations. */
export interface MitigationSummary {
  /** `lock`: locks taken, backoff sleeps of requests that lost, losers that gave up and read the database. */
  lockAcquisitions: number;
  lockWaits: number;
  lockFallThroughs: number;
  /** `xfetch`: early recomputations, refresh cycles they fell in, and their ratio (about e^(1/β)). */
  xfetchRecomputes: number;
  xfetchCycles: number;
  recomputesPerCycle: number;
  /** `background-refresh`: database reads the refresher made (part of `db.reads`). */
  refreshReads: number;
  /** Cache warming: keys read for a warm-up (not part of `db.reads`). */
  warmingReads: number;
  /** Cache writes (SET/DEL) the app meant, Redis commands they took, and commands per database write. */
  cacheWrites: number;
  redisWriteCommands: number;
  writeAmplification: number;
}

function summary(c: Ctx): { mitigations: MitigationSummary } {
  const t = mitState(c);
  const mt = c.s.metrics;
  return {
    mitigations: {
      lockAcquisitions: t.lockAcquisitions,
      lockWaits: t.lockWaits,
      lockFallThroughs: t.lockFallThroughs,
      xfetchRecomputes: t.xfetchRecomputes,
      xfetchCycles: t.xfetchCycles,
      recomputesPerCycle: t.xfetchCycles > 0 ? t.xfetchRecomputes / t.xfetchCycles : 0,
      refreshReads: t.refreshReads,
      warmingReads: t.warmingReads,
      cacheWrites: mt.cacheWrites,
      redisWriteCommands: mt.redisWriteCommands,
      writeAmplification: mt.dbWrites > 0 ? mt.redisWriteCommands / mt.dbWrites : 0,
    },
  };
}

function locksHeld(locks: Map<number, number>, now: number): number {
  let n = 0;
  for (const expiry of locks.values()) if (expiry > now) n++;
  return n;
}

export const stampede: Mechanism<MitigationModel, MitigationState, { mitigations: MitigationSummary }> = {
  name: 'stampede',
  reads: [
    'cache.stampede',
    'cache.warming',
    'cache.strategy',
    'database.readMs',
    'network',
    'cache.l2',
    'database.connections',
    'topology.redisShards',
    'workload.families',
    'failures',
  ],
  model: (scenario, env) => createMitigationModel(scenario, env.keyCount),
  state: (m, mit) => createMitigationState(m, mit),
  hooks,
  events: [
    [EV_LOCK_CMD, onLockCmd],
    [EV_LOCK_REPLY, onLockReply],
    [EV_LOCK_BACKOFF, onLockBackoff],
    [EV_REFRESH_TICK, onRefreshTick],
    [EV_WARM, onWarm],
  ],
  jobs: [
    { kind: JOB_LOCK_HOLDER, client: true, dbReply: onHolderFetched },
    { kind: JOB_FALL_THROUGH, client: true, dbReply: onFallThroughFetched },
    { kind: JOB_XFETCH, redisReply: onXfetchStored, dbReply: onXfetchFetched },
    { kind: JOB_REFRESH, dbReply: onRefreshFetched, dbFailed: onRefreshFailed },
    { kind: JOB_WARM, countsAsRead: false, dbDone: onWarmDone, dbReply: onWarmFetched },
  ],
  // The start-up warm-up (before traffic), then the refresher's first look.
  start: (c) => {
    warmOnStart(c);
    if (mitOf(c).refresh) startRefresher(c);
  },
  reconcile,
  summary,
  nodeView: (c, view) => {
    const locks = mitState(c).locks;
    view.shards.forEach((sh, i) => (sh.locks = locksHeld(locks[i]!, c.s.now)));
  },
};
