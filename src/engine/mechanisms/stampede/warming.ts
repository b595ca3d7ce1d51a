import { schedule } from '../../core/eventQueue.ts';
import { storeSet } from '../../redis/shardStore.ts';
import { copiesOf, copyShardOf, storeIdOf } from '../../flow/addressing.ts';
import type { Ctx } from '../../flow/context.ts';
import { sendToDb } from '../../flow/dbFlow.ts';
import { allocJob, freeJob } from '../../flow/jobs.ts';
import { l2TtlOf } from '../../flow/keyspace.ts';
import { shardOf } from '../../flow/addressing.ts';
import { entryBytesOf } from '../../flow/redisCore.ts';
import { jitterTtl, sendSet } from '../../flow/redisSend.ts';
import { EV_WARM, JOB_WARM, mitOf, mitState } from './mitigation.ts';

/**
 * Cache warming (`cache.warming`): the `topKeys` most popular keys are loaded into Redis with their
 * database versions, before traffic starts and again right after a Redis restart. The start-up warm-up
 * happens before the clock starts, as a deploy script runs before the load balancer lets traffic in:
 * the keys are in Redis at time 0 and their reads appear only in `warmingReads`. After a restart the
 * warm-up runs in simulated time, hottest key first, one database read every `2 · readMs / connections`
 * (so it uses about half the pool), each followed by a SET. Its reads occupy connections but are counted
 * in `warmingReads`, not in `db.reads`, so the traffic's own misses stay comparable with and without it.
 */

function warmCount(c: Ctx): number {
  const w = mitOf(c).warming;
  return w.enabled && c.m.scenario.cache.strategy !== 'none' ? Math.min(w.topKeys, c.m.keyCount) : 0;
}

/** Writes one key (every copy of a replicated key) straight into its shard, at time `now`. */
function storeNow(c: Ctx, key: number, version: number): void {
  const m = c.m;
  const s = c.s;
  const copies = copiesOf(m, key);
  for (let r = copies > 0 ? 0 : -1; r < copies; r++) {
    const shard = s.shards[r < 0 ? shardOf(m, key) : copyShardOf(m, key, r)]!;
    const expiresAt = s.now + jitterTtl(c, l2TtlOf(m, key));
    storeSet(shard.store, storeIdOf(m, key, r), version, expiresAt, s.now, s.rng, entryBytesOf(m, key));
  }
}

/**
 * Warms the cache before traffic (called once when the simulation is created).
 *
 * @example
 * warmOnStart(c); // keys 0..topKeys-1 are in Redis at time 0
 */
export function warmOnStart(c: Ctx): void {
  if (!mitOf(c).warming.onStart) return;
  const n = warmCount(c);
  for (let key = 0; key < n; key++) storeNow(c, key, c.s.db.versions[key] ?? 0);
  mitState(c).warmingReads += n;
}

/**
 * Starts the paced warm-up after Redis comes back (called from the failures' recover hook).
 *
 * @example
 * if (f.kind === 'redis-restart') warmAfterRestart(c);
 */
export function warmAfterRestart(c: Ctx): void {
  if (!mitOf(c).warming.afterRestart) return;
  const n = warmCount(c);
  if (n > 0) schedule(c.s.queue, c.s.now, EV_WARM, 0, n);
}

/** The warm-up sends the read for one key and schedules the next. */
export function onWarm(c: Ctx, key: number, end: number): void {
  const s = c.s;
  sendToDb(c, allocJob(s.jobs, JOB_WARM, key, 0, s.now));
  const db = c.m.scenario.database;
  if (key + 1 < end) schedule(s.queue, s.now + (2 * db.readMs) / db.connections, EV_WARM, key + 1, end);
}

/** A warm-up read reached the end of its query (counted apart from the traffic's reads). */
export function onWarmDone(c: Ctx): boolean {
  mitState(c).warmingReads++;
  return false;
}

/** A warm-up read came back: store the value. */
export function onWarmFetched(c: Ctx, job: number, version: number): void {
  sendSet(c, c.s.jobs.key[job]!, 0, version);
  freeJob(c.s.jobs, job);
}
