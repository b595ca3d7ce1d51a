import { schedule } from '../../core/eventQueue.ts';
import { slotOf } from '../../redis/shardStore.ts';
import { copiesOf, copyShardOf, storeIdOf } from '../../flow/addressing.ts';
import { scheduleTick, type Ctx } from '../../flow/context.ts';
import { sendToDb } from '../../flow/dbFlow.ts';
import { allocJob, freeJob } from '../../flow/jobs.ts';
import { l2TtlOf } from '../../flow/keyspace.ts';
import { shardOf } from '../../flow/addressing.ts';
import { occupyShard, sendSet } from '../../flow/redisSend.ts';
import { EV_REFRESH_TICK, JOB_REFRESH, mitOf, mitState } from './mitigation.ts';

/**
 * Stampede mode `background-refresh`, as the article's `background_refresher`: a worker watches the
 * `refreshTopKeys` most popular keys and re-fetches one (database read, then SET) once `refreshAt` of
 * its TTL has passed, so readers of a watched key never see it expire. Instead of polling every second
 * the worker sleeps until the moment a key crosses the threshold, which gives the same refreshes without
 * missing keys whose TTL is shorter than the polling period. The worker runs beside instance 0.
 */

/** How long to wait before looking at a shard again when it is down. */
const DOWN_RETRY_MS = 100;

/**
 * Starts the refresher: every watched key is looked at once, now (absent keys are fetched then). Each
 * start is a new generation: the wake-ups of an earlier one (before a change of mode or of the keys
 * watched) carry its number and are dropped, so a key never has two chains of refreshes.
 *
 * @example
 * if (mitOf(c).refresh) startRefresher(c);
 */
export function startRefresher(c: Ctx): void {
  const gen = ++mitState(c).refreshGen;
  for (let key = 0; key < mitOf(c).refreshKeys; key++)
    schedule(c.s.queue, c.s.now, EV_REFRESH_TICK, key, gen);
}

/** The refresher checks a watched key's remaining TTL (a `PTTL`, one command on the shard). */
export function onRefreshTick(c: Ctx, key: number, gen: number): void {
  const s = c.s;
  const m = c.m;
  if (gen !== mitState(c).refreshGen || !mitOf(c).refresh) return; // superseded, or switched off mid-run
  const copy = copiesOf(m, key) > 0 ? 0 : -1;
  const shardIx = copy < 0 ? shardOf(m, key) : copyShardOf(m, key, copy);
  const shard = s.shards[shardIx]!;
  if (!shard.up) {
    scheduleTick(c, s.now + DOWN_RETRY_MS, EV_REFRESH_TICK, key, gen);
    return;
  }
  occupyShard(c, shardIx, 1);
  const ttl = l2TtlOf(m, key);
  const slot = slotOf(shard.store, storeIdOf(m, key, copy));
  const expiry = slot < 0 ? -Infinity : shard.store.expires[slot]!;
  if (expiry === Infinity) return; // no TTL: nothing to refresh until it is deleted
  // The moment the key crosses the threshold, compared with now as computed: testing
  // `expiry - now > threshold` instead can hold while `expiry - threshold` rounds to now, and the tick
  // would then reschedule itself at the same instant forever.
  const crossesAt = expiry - ttl * (1 - mitOf(c).refreshAt);
  if (crossesAt > s.now) {
    scheduleTick(c, crossesAt, EV_REFRESH_TICK, key, gen);
    return;
  }
  mitState(c).refreshReads++;
  const job = allocJob(s.jobs, JOB_REFRESH, key, 0, s.now);
  s.jobs.version[job] = gen; // a read job's version is free until its reply, which carries its own
  sendToDb(c, job);
}

/** The refresher's read came back: store the value and sleep until the new one needs refreshing. */
export function onRefreshFetched(c: Ctx, job: number, version: number): void {
  const s = c.s;
  const key = s.jobs.key[job]!;
  const gen = s.jobs.version[job]!;
  sendSet(c, key, 0, version);
  freeJob(s.jobs, job);
  const ttl = l2TtlOf(c.m, key);
  if (Number.isFinite(ttl) && gen === mitState(c).refreshGen) {
    scheduleTick(c, s.now + ttl * mitOf(c).refreshAt, EV_REFRESH_TICK, key, gen);
  }
}

/**
 * The refresher's read never got a database connection (the pool timed it out): look at the key again
 * a little later, as after a shard outage, unless the refresher was restarted or stopped meanwhile.
 *
 * @example
 * if (kind === JOB_REFRESH) onRefreshFailed(c, job);
 */
export function onRefreshFailed(c: Ctx, job: number): void {
  const key = c.s.jobs.key[job]!;
  const gen = c.s.jobs.version[job]!;
  freeJob(c.s.jobs, job);
  if (gen === mitState(c).refreshGen) scheduleTick(c, c.s.now + DOWN_RETRY_MS, EV_REFRESH_TICK, key, gen);
}
