import { detLog } from '../../core/detMath.ts';
import { random } from '../../core/rng.ts';
import { REDIS_ERROR, type Ctx } from '../../flow/context.ts';
import { sendToDb } from '../../flow/dbFlow.ts';
import { allocJob, freeJob } from '../../flow/jobs.ts';
import { sendSetAndWait } from '../../flow/redisSend.ts';
import { JOB_XFETCH, mitOf, mitState } from './mitigation.ts';

/**
 * Stampede mode `xfetch`: probabilistic early expiration (Vattani, Chierichetti and Lowenstein, 2015).
 * Beside each stored value the app keeps δ, how long the last recompute took. A reader that gets a hit
 * recomputes early when `now - δ·β·ln(u) >= expiry` (u uniform in (0, 1]): it still answers with the
 * cached value, and the recompute (a database read, then a SET) runs in the background. A read τ before
 * expiry triggers with probability e^(-τ/(δβ)); after the first trigger, readers keep seeing the old value
 * until the SET lands, so each refresh cycle costs e^(W/(δβ)) recomputations on average, W being that
 * window. δ is timed as the article's refresh does it, from sending the query until the SET is
 * acknowledged: the query's round trip plus the SET's, which is W, so a cycle costs e^(1/β) (fidelity.md 4)
 * when recompute times are constant.
 *
 * When they vary, δ is one past recompute's time and W the current one's: e^(W/(δβ)) is convex, so a fast
 * past recompute followed by a slow one costs far more than a slow one followed by a fast one saves, and
 * when δβ is short the first trigger comes so late that the key expires while the recompute runs, which
 * ends the cycle with a miss. docs/fidelity.md gives the figures for exponential times.
 */

/**
 * Records δ for a value fetched after a miss, which the read path SETs without waiting: the query's
 * measured round trip (`dbArrive` is when it reached the database, one network hop after it left) plus
 * the SET's round trip at the network's and Redis's nominal times.
 *
 * @example
 * out.dbReply = recordDelta; // the stampede mechanism's hook in `xfetch` mode
 */
export function recordDelta(c: Ctx, job: number): void {
  const s = c.s;
  const { network, cache } = c.m.scenario;
  const setRoundTrip = 2 * network.redisMs + cache.l2.serviceMs;
  mitState(c).delta[s.jobs.key[job]!] = s.now - s.jobs.dbArrive[job]! + network.dbMs + setRoundTrip;
}

/**
 * A read hit in Redis: decide whether this reader triggers an early recompute. The expiry is the one that
 * came with the value it was served (a SET that landed since does not change what this reader saw).
 *
 * @example
 * out.l2Hit = xfetchOnHit; // the stampede mechanism's hook in `xfetch` mode
 */
export function xfetchOnHit(c: Ctx, job: number): void {
  const s = c.s;
  const mit = mitOf(c);
  const st = mitState(c);
  const key = s.jobs.key[job]!;
  const expiry = s.jobs.servedExpiry[job]!;
  if (expiry === Infinity) return;
  const delta = st.delta[key]! > 0 ? st.delta[key]! : mit.deltaPriorMs;
  const gap = -delta * mit.beta * detLog(1 - random(s.rng));
  if (s.now + gap < expiry) return;
  st.xfetchRecomputes++;
  // A refresh cycle is one stored value's life: every trigger that saw the same expiry belongs to it.
  if (st.cycleExpiry[key] !== expiry) {
    st.cycleExpiry[key] = expiry;
    st.xfetchCycles++;
  }
  sendToDb(c, allocJob(s.jobs, JOB_XFETCH, key, s.jobs.instance[job]!, s.now));
}

/** The early recompute's database read came back: store the fresh value, waiting for the SET's answer. */
export function onXfetchFetched(c: Ctx, job: number, version: number): void {
  sendSetAndWait(c, job, version);
}

/**
 * Redis acknowledged the recompute's SET: δ is the time since the recompute started (it failed, and
 * measures nothing, when the shard was down).
 *
 * @example
 * if (j.kind[job] === JOB_XFETCH) return onXfetchStored(c, job, result);
 */
export function onXfetchStored(c: Ctx, job: number, result: number): void {
  const s = c.s;
  const j = s.jobs;
  if (result !== REDIS_ERROR) mitState(c).delta[j.key[job]!] = s.now - j.start[job]!;
  freeJob(j, job);
}
