import { l1Get, l1Peek, l1Set } from '../../core/l1Cache.ts';
import type { Ctx } from '../../flow/context.ts';
import { isCached } from '../../flow/keyspace.ts';
import { I_L1_HIT, I_L1_MISS } from '../../flow/metrics.ts';
import { sendGet } from '../../flow/redisSend.ts';
import { joinFlight, respond } from '../../flow/reply.ts';
import { refreshL1 } from './refresh.ts';
import { countServed, modelOf, stateOf, type TierModel } from './state.ts';

/**
 * The L1's side: an entry is stored `ext` longer than its TTL (`l1Fill`), and a read of an entry past
 * its TTL (`read`, before the flow's own lookup) is answered from it within stale-while-revalidate, with
 * one refresh sent to Redis; past that window, within stale-if-error only, the read goes on as a miss and
 * the entry waits for an error (serve.ts).
 */

/** `l1Fill`: the entry just stored is kept `ext` past its TTL. */
export function keepL1(c: Ctx, inst: number, key: number, version: number): void {
  const t = modelOf(c).l1!;
  const cache = c.s.l1[inst]!;
  const e = l1Peek(cache, key, c.s.now);
  if (e === null || e.expiresAt === Infinity || e.version !== version) return;
  l1Set(cache, key, version, e.expiresAt + t.ext);
}

/** How long past its TTL the L1 entry of `key` on `inst` is (negative: fresh), or null when it has none. */
export function l1PastTtl(
  c: Ctx,
  t: TierModel,
  inst: number,
  key: number,
): { version: number; pastMs: number } | null {
  const e = l1Peek(c.s.l1[inst]!, key, c.s.now);
  if (e === null) return null;
  return { version: e.version, pastMs: c.s.now - (e.expiresAt - t.ext) };
}

/** `read`: a client read at its instance, before the flow looks in the L1. True when taken. */
export function readL1(c: Ctx, job: number): boolean {
  const t = modelOf(c).l1!;
  const s = c.s;
  const m = c.m;
  const key = s.jobs.key[job]!;
  if (m.groups !== null && !isCached(m, key)) return false;
  const inst = s.jobs.instance[job]!;
  const copy = l1PastTtl(c, t, inst, key);
  if (copy === null || copy.pastMs < 0) return false; // none, or fresh: the flow's own lookup
  if (copy.pastMs < t.swr) {
    l1Get(s.l1[inst]!, key, s.now); // the hit makes it the most recently used
    s.metrics.l1Hits++;
    s.metrics.interval[I_L1_HIT]!++;
    countServed(stateOf(c).l1, inst, copy.pastMs, false);
    refreshL1(c, inst, key);
    respond(c, job, copy.version, 'l1-hit');
    return true;
  }
  // Within stale-if-error only: a miss, as the flow's lookup would count it, with the copy kept aside.
  s.metrics.l1Misses++;
  s.metrics.interval[I_L1_MISS]!++;
  if (m.coalesceReads && joinFlight(c, job)) return true;
  const l1Miss = m.hooks.l1Miss;
  if (l1Miss !== null && l1Miss(c, job)) return true;
  sendGet(c, job);
  return true;
}
