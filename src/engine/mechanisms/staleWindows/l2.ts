import { OP_GET, OP_SET, type Ctx } from '../../flow/context.ts';
import { setExpiry, slotOf } from '../../redis/shardStore.ts';
import { countServed, ensureJob, MARK_SIE, MARK_SWR, modelOf, stateOf } from './state.ts';

/**
 * Redis's side: a key the flow stores is kept `ext` longer than its TTL (`redisDone`), and a read's GET
 * of a key past its TTL (`redisCommand`, before the flow applies it) is answered with the value within
 * stale-while-revalidate, the instance then sending one refresh to the database (refresh.ts); past that
 * window, within stale-if-error only, the GET answers a miss and the value travels with the job, for
 * an error of the database (serve.ts). Copies of replicated keys are left alone.
 */

/** `redisDone`: a SET (or a GET that slid the TTL) gave the key a new expiry: keep it `ext` longer. */
export function keepL2(c: Ctx, job: number, op: number, shard: number): void {
  if (op !== OP_SET && (op !== OP_GET || c.m.l2ResetTtlMs === null)) return;
  const key = c.s.jobs.key[job]!;
  if (key < c.m.copies.replicatedKeys) return;
  const x = stateOf(c);
  const store = c.s.shards[shard]!.store;
  const slot = slotOf(store, key);
  if (slot < 0) return;
  const expires = store.expires[slot]!;
  // Already kept longer (a refused SET leaves the old entry), or no TTL to keep it past.
  if (expires === x.extended[key] || expires === Infinity) return;
  const kept = expires + modelOf(c).l2!.ext;
  setExpiry(store, slot, kept);
  x.extended[key] = kept;
}

/** `redisCommand`: a GET of a key past its TTL, within a window. True when it answers a miss. */
export function getL2(c: Ctx, job: number, op: number, shard: number, doneAt: number): boolean {
  if (op !== OP_GET) return false;
  const j = c.s.jobs;
  const key = j.key[job]!;
  if (key < c.m.copies.replicatedKeys) return false;
  const x = stateOf(c);
  const store = c.s.shards[shard]!.store;
  const slot = slotOf(store, key);
  if (slot < 0) return false;
  const expires = store.expires[slot]!;
  const at = doneAt - c.m.l2ServiceMs; // the command is applied as its turn starts
  if (expires !== x.extended[key] || at >= expires) return false;
  const t = modelOf(c).l2!;
  const soft = expires - t.ext;
  const past = at - soft;
  if (past < 0) return false;
  ensureJob(x, job);
  x.markId[job] = j.requestId[job]!;
  if (past < t.swr) {
    x.mark[job] = MARK_SWR;
    countServed(x.l2, shard, past, false);
    return false; // the flow answers with the value
  }
  x.mark[job] = MARK_SIE;
  x.markVersion[job] = store.versions[slot]!;
  x.markSoft[job] = soft;
  return true;
}
