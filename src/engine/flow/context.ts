import { schedule } from '../core/eventQueue.ts';
import { exponential } from '../core/samplers.ts';
import { eventName } from './kinds.ts';
import type { Ctx } from './shapes.ts';

export type { Ctx };

export {
  EV_ARRIVAL,
  EV_DB_ARRIVE,
  EV_DB_DONE,
  EV_DB_REPLY,
  EV_PHASE,
  EV_REDIS_ARRIVE,
  EV_REDIS_REPLY,
  EV_SAMPLE,
} from './kinds.ts';

export const OP_GET = 0;
export const OP_SET = 1;
export const OP_DEL = 2;

export const MISS = -1;
export const REDIS_ERROR = -2;

/**
 * Schedules the next tick of a mechanism that reschedules itself (sampling, active expiry, RDB saves,
 * write-behind flushes, the background refresher). A tick at or before `now` lets such a mechanism run
 * again and again without the clock moving, so the run never ends: the background refresher did exactly
 * that when floating-point rounding put its next look at the current instant. That is an engine bug,
 * so it throws at once, naming the event type, rather than hanging a browser tab or a CI job; the
 * property tests in `test/engine/periodic.test.ts` look for it over TTLs and fractions.
 *
 * @example
 * scheduleTick(c, c.s.now + 1000 / hz, EV_ACTIVE_EXPIRE, shard, 0);
 */
export function scheduleTick(c: Ctx, at: number, type: number, a: number, b: number): void {
  // `!(at > now)` also refuses NaN, which would otherwise sort anywhere in the heap.
  if (!(at > c.s.now)) {
    throw new Error(
      `engine bug: ${eventName(type)} rescheduled itself at ${at} ms, not after now (${c.s.now} ms)`,
    );
  }
  schedule(c.s.queue, at, type, a, b);
}

/** One-way delay of an instance <-> Redis hop. */
export function redisHop(c: Ctx): number {
  const m = c.m;
  return m.redisMs + exponential(c.s.rng, m.jitterMs);
}

/**
 * When a message sent at `sentAt` on an instance's connection to a shard arrives: one hop later, but not
 * before the message sent ahead of it in the same direction. An instance keeps one connection per shard,
 * as multiplexing Redis clients do, and TCP keeps its order: jitter delays messages, it never reorders
 * them, so a reply cannot overtake the reply to an earlier command.
 *
 * @example
 * const arrive = redisLinkArrival(c, inst, shardIx, true, s.now); // a command on its way to the shard
 */
export function redisLinkArrival(
  c: Ctx,
  instance: number,
  shard: number,
  toShard: boolean,
  sentAt: number,
): number {
  const links = c.s.redisLinks;
  const ix = 2 * (instance * c.m.redisShards + shard) + (toShard ? 0 : 1);
  const at = Math.max(sentAt + redisHop(c), links[ix]!);
  links[ix] = at;
  return at;
}

/** One-way delay of an instance <-> database hop. */
export function dbHop(c: Ctx): number {
  const m = c.m;
  return m.dbMs + exponential(c.s.rng, m.jitterMs);
}

export const appNode = (i: number): string => `app-${i}`;
export const redisNode = (s: number): string => `redis-${s}`;
