import { REDIS_ERROR, MISS, type Ctx } from './context.ts';
import { fetchFromDb } from './dbFlow.ts';
import { JOB_READ, JOB_READ_REFILL, JOB_WRITE } from './jobs.ts';
import { HOT_TRACKED, I_L2_HIT, I_L2_MISS } from './metrics.ts';
import { fillL1, respond } from './reply.ts';

/** Redis's answer at the instance: a hit is served, a miss goes on to the database. */

/**
 * The instance got an error back from Redis for a request. Under `redisDownPolicy: "fail"` the request
 * fails (true: handled); under `"fallback"` a read goes on to the database (false: the caller continues)
 * and a write-through write, already in the database, is acknowledged.
 */
function onRedisDown(c: Ctx, job: number): boolean {
  const s = c.s;
  if (c.m.scenario.cache.redisDownPolicy === 'fail') {
    respond(c, job, 0, 'error');
    return true;
  }
  if (s.jobs.kind[job] !== JOB_WRITE) s.redis.redisFallbacks++;
  return false;
}

/** Redis's answer reaches the instance. */
export function onRedisReply(c: Ctx, job: number, result: number): void {
  const s = c.s;
  const j = s.jobs;
  const own = c.plan.redisReply[j.kind[job]!];
  if (own !== undefined) return own(c, job, result);
  if (j.kind[job] === JOB_READ_REFILL) {
    // A flight's refill SET is done (or failed: the database's answer stands either way).
    j.kind[job] = JOB_READ;
    respond(c, job, j.version[job]!, 'db');
    return;
  }
  if (result === REDIS_ERROR && onRedisDown(c, job)) return;
  if (j.kind[job] === JOB_WRITE) {
    // Write-through acknowledgement (or failure: the database already has the write).
    respond(c, job, j.version[job]!, 'write');
    return;
  }
  if (result >= 0) {
    s.metrics.l2Hits++;
    s.metrics.interval[I_L2_HIT]!++;
    fillL1(c, j.instance[job]!, j.key[job]!, result);
    const hit = c.m.hooks.l2Hit;
    if (hit !== null) hit(c, job);
    respond(c, job, result, 'l2-hit');
    return;
  }
  s.metrics.l2Misses++;
  s.metrics.interval[I_L2_MISS]!++;
  if (j.key[job]! < HOT_TRACKED) s.metrics.hotMisses[j.key[job]!]!++;
  if (result === MISS || result === REDIS_ERROR) fetchFromDb(c, job);
}
