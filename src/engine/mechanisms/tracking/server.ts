import { schedule } from '../../core/eventQueue.ts';
import { randomInt } from '../../core/rng.ts';
import { eventType } from '../../flow/kinds.ts';
import { OP_DEL, OP_GET, OP_SET, redisHop, redisLinkArrival, type Ctx } from '../../flow/context.ts';
import { keyName } from '../../flow/keyspace.ts';
import { slotOf } from '../../redis/shardStore.ts';
import { forget, remember, tableSize } from './table.ts';
import { trackingModel, trackingState, type TrackingModel } from './state.ts';

/**
 * Redis's side of tracking (tracking.c): a read remembers its key for the instance that read it (not in
 * BCAST mode, and under OPTIN/OPTOUT only as CLIENT CACHING says); a change of a key (SET, DEL of a key
 * that was there, expiry, eviction) sends an invalidation to every instance that read it and forgets the
 * key, or, in BCAST mode, to every instance when the key's name is under a prefix; NOLOOP spares the
 * instance that made the change. Before each command the table is brought back under
 * `tracking-table-max-keys` by forgetting random keys, each invalidated as if it had changed.
 */

/** An invalidation reaches an instance. a: instance, b: key. */
export const EV_TRACK_INVALIDATE = eventType('tracking.invalidate');

const WRITE = 0;
const GONE = 1;
const CAP = 2;

/** Keys numbered below `optKeys` are opted in (OPTIN) or out (OPTOUT). */
export function tracks(m: TrackingModel, key: number): boolean {
  if (m.optin) return key < m.optKeys;
  if (m.optout) return key >= m.optKeys;
  return true;
}

/** Whether `key`'s name starts with one of the BCAST prefixes (every key when there is none). */
export function underPrefix(c: Ctx, m: TrackingModel, key: number): boolean {
  if (m.prefixes.length === 0) return true;
  if (key >= m.underPrefix.length) return false;
  let v = m.underPrefix[key]!;
  if (v === 0) {
    const name = keyName(key, c.m);
    v = m.prefixes.some((p) => name.startsWith(p)) ? 1 : 2;
    m.underPrefix[key] = v;
  }
  return v === 1;
}

/** One invalidation message of `key` from shard `shardIx` to `inst`, leaving at `at`. */
function send(
  c: Ctx,
  m: TrackingModel,
  shardIx: number,
  inst: number,
  key: number,
  at: number,
  why: number,
): void {
  const x = trackingState(c);
  x.sent[inst]!++;
  if (why === GONE) x.byExpiryOrEviction++;
  else if (why === CAP) x.byCap++;
  const arrive = m.redirect ? at + redisHop(c) : redisLinkArrival(c, inst, shardIx, false, at);
  schedule(c.s.queue, arrive, EV_TRACK_INVALIDATE, inst, key);
}

/**
 * `key` changed on shard `shardIx`. `writer`: the instance whose command was running (-1 for none).
 * As in Redis, NOLOOP spares it in BCAST mode only for its own writes (an expiry or eviction has no
 * client), and in default mode for anything done while its command runs (Redis compares with the
 * current client): its writes, and the keys that expired, were evicted or were forgotten by the cap then.
 */
function invalidate(c: Ctx, shardIx: number, key: number, writer: number, at: number, why: number): void {
  const m = trackingModel(c);
  if (m.bcast) {
    if (why === CAP || !underPrefix(c, m, key)) return;
    for (let i = 0; i < m.instances; i++) {
      if (!(m.noloop && i === writer && why === WRITE)) send(c, m, shardIx, i, key, at, why);
    }
    return;
  }
  let readers = forget(trackingState(c).tables[shardIx]!, key);
  for (let i = 0; readers !== 0; i++, readers >>>= 1) {
    if ((readers & 1) === 0) continue;
    if (m.noloop && i === writer) continue;
    send(c, m, shardIx, i, key, at, why);
  }
}

/** Keys that expired or were evicted on the shard since last looked: invalidated (but `skip`). */
function drainGone(c: Ctx, shardIx: number, at: number, skip: number, writer: number): void {
  const gone = c.s.shards[shardIx]!.store.gone;
  if (gone === null || gone.length === 0) return;
  for (const key of gone)
    if (key !== skip && key < c.m.keyCount) invalidate(c, shardIx, key, writer, at, GONE);
  gone.length = 0;
}

/** Redis's trackingLimitUsedSlots, before each command: forget random keys while over the cap. */
function limitTable(c: Ctx, shardIx: number, writer: number): void {
  const m = trackingModel(c);
  const x = trackingState(c);
  const t = x.tables[shardIx]!;
  while (tableSize(t) > m.tableMaxKeys) {
    const key = t.keys[randomInt(c.s.rng, tableSize(t))]!;
    x.capForgotten++;
    invalidate(c, shardIx, key, writer, c.s.now, CAP);
  }
}

/** `redisCommand`: before a command runs on its shard. Never takes it. */
export function beforeCommand(c: Ctx, job: number, op: number, shardIx: number): boolean {
  const x = trackingState(c);
  drainGone(c, shardIx, c.s.now, -1, -1); // removed between commands (the active expiry's)
  limitTable(c, shardIx, c.s.jobs.instance[job]!);
  const store = c.s.shards[shardIx]!.store;
  if (op === OP_DEL) x.delPresent = slotOf(store, c.s.jobs.key[job]!) >= 0;
  x.rejectedBefore = store.rejectedWrites;
  return false;
}

/** `redisDone`: the flow applied the command. */
export function afterCommand(c: Ctx, job: number, op: number, shardIx: number, doneAt: number): void {
  const s = c.s;
  const x = trackingState(c);
  const m = trackingModel(c);
  const key = s.jobs.key[job]!;
  const inst = s.jobs.instance[job]!;
  const store = s.shards[shardIx]!.store;
  if (op === OP_GET) {
    drainGone(c, shardIx, doneAt, -1, inst); // a lazy expiry of this very key comes before it is remembered
    if (m.bcast) return;
    if ((m.optin && key < m.optKeys) || (m.optout && key < m.optKeys)) x.cachingCommands++;
    if (!tracks(m, key)) return;
    const t = x.tables[shardIx]!;
    if (remember(t, key, inst)) {
      if (tableSize(t) > x.tablePeak) x.tablePeak = tableSize(t);
      let total = 0;
      for (const u of x.tables) total += tableSize(u);
      if (total > x.tableTotalPeak) x.tableTotalPeak = total;
    }
    return;
  }
  if (op === OP_SET && store.rejectedWrites !== x.rejectedBefore) {
    drainGone(c, shardIx, doneAt, -1, inst); // refused (out of memory): the key did not change
    return;
  }
  drainGone(c, shardIx, doneAt, key, inst); // an expired old value and the SET over it: one change
  if (op === OP_SET || x.delPresent) invalidate(c, shardIx, key, inst, doneAt, WRITE);
}
