import { random } from '../../core/rng.ts';
import { slotOf } from '../../redis/shardStore.ts';
import type { Ctx } from '../context.ts';
import { sendToDb } from '../dbFlow.ts';
import { allocJob, freeJob } from '../jobs.ts';
import { shardOf } from '../model.ts';
import { sendSet } from '../redisFlow.ts';
import { copiesOf, copyShardOf, storeIdOf } from '../replication.ts';
import { JOB_XFETCH } from './mitigation.ts';

/**
 * Stampede mode `xfetch`: probabilistic early expiration (Vattani, Chierichetti and Lowenstein, 2015).
 * Beside each stored value the app keeps δ, the database round trip it measured when it fetched that
 * value. A reader that gets a hit recomputes early when `now - δ·β·ln(u) >= expiry` (u uniform in (0, 1]):
 * it still answers with the cached value, and the recompute (a database read, then a SET) runs in the
 * background. A read τ before expiry triggers with probability e^(-τ/(δβ)), so at high read rates the key
 * is refreshed before it expires and each refresh cycle costs about e^(1/β) recomputations (fidelity.md 4).
 */

/**
 * Records δ for the value about to be stored: the round trip from the instance to the database and
 * back (`dbArrive` is when the query reached the database, one network hop after it left).
 *
 * @example
 * if (c.m.mit.xfetch) recordDelta(c, job);
 */
export function recordDelta(c: Ctx, job: number): void {
  const s = c.s;
  s.mit.delta[s.jobs.key[job]!] = s.now - s.jobs.dbArrive[job]! + c.m.scenario.network.dbMs;
}

/**
 * A read hit in Redis: decide whether this reader triggers an early recompute. The expiry is the one of
 * the entry the reader was served (copy 0 stands for a replicated key).
 *
 * @example
 * if (c.m.mit.xfetch) xfetchOnHit(c, job);
 */
export function xfetchOnHit(c: Ctx, job: number): void {
  const s = c.s;
  const m = c.m;
  const key = s.jobs.key[job]!;
  const copy = copiesOf(m, key) > 0 ? 0 : -1;
  const store = s.shards[copy < 0 ? shardOf(m, key) : copyShardOf(m, key, copy)]!.store;
  const slot = slotOf(store, storeIdOf(m, key, copy));
  if (slot < 0) return;
  const expiry = store.expires[slot]!;
  if (expiry === Infinity) return;
  const delta = s.mit.delta[key]! > 0 ? s.mit.delta[key]! : m.mit.deltaPriorMs;
  const gap = -delta * m.mit.beta * Math.log(1 - random(s.rng));
  if (s.now + gap < expiry) return;
  s.mit.xfetchRecomputes++;
  // A refresh cycle is one stored value's life: every trigger that saw the same expiry belongs to it.
  if (s.mit.cycleExpiry[key] !== expiry) {
    s.mit.cycleExpiry[key] = expiry;
    s.mit.xfetchCycles++;
  }
  sendToDb(c, allocJob(s.jobs, JOB_XFETCH, key, s.jobs.instance[job]!, s.now));
}

/** The early recompute's database read came back: remember δ and store the fresh value. */
export function onXfetchFetched(c: Ctx, job: number, version: number): void {
  const j = c.s.jobs;
  recordDelta(c, job);
  sendSet(c, j.key[job]!, j.instance[job]!, version);
  freeJob(j, job);
}
