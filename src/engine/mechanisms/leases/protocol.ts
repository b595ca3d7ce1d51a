import { schedule } from '../../core/eventQueue.ts';
import { storeSet } from '../../redis/shardStore.ts';
import { shardOf } from '../../flow/addressing.ts';
import { appNode, redisLinkArrival, redisNode, type Ctx } from '../../flow/context.ts';
import { allocJob, freeJob } from '../../flow/jobs.ts';
import { l2TtlOf } from '../../flow/keyspace.ts';
import { eventType, jobKind } from '../../flow/kinds.ts';
import { entryBytesOf } from '../../flow/redisCore.ts';
import { countRedisError, jitterTtl, occupyShard } from '../../flow/redisSend.ts';
import { refused, REFUSED_REDIS_QUEUE } from '../../flow/refusals.ts';
import { fillL1, respond } from '../../flow/reply.ts';
import { traceHop } from '../../flow/trace.ts';
import { leaseState } from './state.ts';

/** The lease's fill: the holder's SET with its token, and what the shard does with it. */

/** A client told to wait reads the cache again. a: job. */
export const EV_LEASE_RETRY = eventType('leases.retry');
/** A holder's SET reaches the key's shard. a: its job (JOB_LEASE_SET), b: the token. */
export const EV_LEASE_SET = eventType('leases.set');

/** A read that holds its key's lease: after the database, it fills the key with its token and answers. */
export const JOB_LEASE_HOLDER = jobKind('leases.holder');
/** The holder's fill on its way (fire and forget, as the flow's fill after a miss). */
export const JOB_LEASE_SET = jobKind('leases.set');

/**
 * The key's outstanding token (if any) is voided: a DEL or a SET of the key reached its shard.
 *
 * @example
 * voidLease(c, shardIx, key); // a write's DEL ran: a fill of what was read before it will be refused
 */
export function voidLease(c: Ctx, shardIx: number, key: number): void {
  const x = leaseState(c);
  if (x.tokens[shardIx]!.delete(key)) {
    x.expiries[shardIx]!.delete(key);
    x.voided++;
  }
}

/**
 * The holder's database read came back: its L1 is filled, its SET with the token leaves for the shard
 * (fire and forget), and the client is answered, as the flow answers a plain miss.
 */
export function onHolderFetched(c: Ctx, job: number, version: number): void {
  const s = c.s;
  const j = s.jobs;
  const key = j.key[job]!;
  const inst = j.instance[job]!;
  const token = j.version[job]!;
  fillL1(c, inst, key, version);
  s.metrics.cacheWrites++;
  s.metrics.redisWriteCommands++;
  const set = allocJob(j, JOB_LEASE_SET, key, inst, s.now);
  j.version[set] = version;
  const shardIx = shardOf(c.m, key);
  const arrive = redisLinkArrival(c, inst, shardIx, true, s.now);
  schedule(s.queue, arrive, EV_LEASE_SET, set, token);
  if (c.trace) {
    traceHop(c.trace, j.requestId[set]!, key, appNode(inst), redisNode(shardIx), s.now, arrive, 'set', null);
  }
  respond(c, job, version, 'db');
}

/**
 * The holder's SET runs on the shard: stored when `token` is still the key's lease (which it then
 * uses up), refused when a DEL or a SET voided it meanwhile or it lapsed.
 */
export function onLeaseSet(c: Ctx, job: number, token: number): void {
  const s = c.s;
  const m = c.m;
  const key = s.jobs.key[job]!;
  const shardIx = shardOf(m, key);
  const shard = s.shards[shardIx]!;
  const full = shard.busyUntil - s.now > m.redisMaxBacklogMs;
  if (!shard.up || full) {
    if (full) refused(c, REFUSED_REDIS_QUEUE);
    countRedisError(c);
    freeJob(s.jobs, job);
    return;
  }
  const start = occupyShard(c, shardIx, 1);
  const x = leaseState(c);
  const held = x.tokens[shardIx]!.get(key) === token;
  if (held && start < x.expiries[shardIx]!.get(key)!) {
    const ttl = jitterTtl(c, l2TtlOf(m, key));
    storeSet(shard.store, key, s.jobs.version[job]!, start + ttl, start, s.rng, entryBytesOf(m, key));
    x.fills++;
  } else x.refused++;
  if (held) {
    x.tokens[shardIx]!.delete(key);
    x.expiries[shardIx]!.delete(key);
  }
  freeJob(s.jobs, job);
}
