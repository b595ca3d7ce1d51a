import { schedule } from '../../core/eventQueue.ts';
import { randomInt } from '../../core/rng.ts';
import { eventType } from '../../flow/kinds.ts';
import {
  appNode,
  OP_DEL,
  OP_GET,
  OP_SET,
  redisHop,
  redisLinkArrival,
  redisNode,
  type Ctx,
} from '../../flow/context.ts';
import { traceHop } from '../../flow/trace.ts';
import { keyName } from '../../flow/keyspace.ts';
import { slotOf } from '../../redis/shardStore.ts';
import { CAP, changed, drain, GONE, limit, read, WRITE, type Sink } from './rules.ts';
import { tableSize } from './table.ts';
import { trackingModel, trackingState, type TrackingModel } from './state.ts';

/**
 * Redis's side of tracking on the simulated shards: the rules (rules.ts) applied at each command, with
 * the messages sent as events that reach the instance a Redis hop later (behind the replies on the same
 * connection under RESP3, on their own with REDIRECT). Before a command: the keys the active expiry
 * removed since the last one, then the cap; after it: what the command itself removed (a lazy expiry,
 * evictions), then its change or its read.
 */

/** An invalidation reaches an instance. a: instance, b: key. */
export const EV_TRACK_INVALIDATE = eventType('tracking.invalidate');

/** The trace hop's `op` for an invalidation message (the stage draws it as a particle kind of its own). */
export const INVALIDATE_OP = 'invalidate';

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

/** The rules' sink for the command being handled (one object: no allocation per command). */
const sink = {
  c: null as Ctx | null,
  shard: 0,
  at: 0,
  send(inst: number, key: number, why: number): void {
    const c = this.c!;
    const m = trackingModel(c);
    const x = trackingState(c);
    x.sent[inst]!++;
    if (why === GONE) x.byExpiryOrEviction++;
    else if (why === CAP) x.byCap++;
    const arrive = m.redirect ? this.at + redisHop(c) : redisLinkArrival(c, inst, this.shard, false, this.at);
    schedule(c.s.queue, arrive, EV_TRACK_INVALIDATE, inst, key);
    // Drawn only when a trace is recorded: a hop of no request (a negative id of its own).
    if (c.trace) {
      const t = c.trace;
      traceHop(
        t,
        --t.syntheticId,
        key,
        redisNode(this.shard),
        appNode(inst),
        this.at,
        arrive,
        INVALIDATE_OP,
        null,
      );
    }
  },
  randomInt(n: number): number {
    return randomInt(this.c!.s.rng, n);
  },
  underPrefix(key: number): boolean {
    return underPrefix(this.c!, trackingModel(this.c!), key);
  },
  name(key: number): string {
    return keyName(key, this.c!.m);
  },
} satisfies Sink & { c: Ctx | null; shard: number; at: number };

function sinkFor(c: Ctx, shardIx: number, at: number): Sink {
  sink.c = c;
  sink.shard = shardIx;
  sink.at = at;
  return sink;
}

/** `redisCommand`: before a command runs on its shard. Never takes it. */
export function beforeCommand(c: Ctx, job: number, op: number, shardIx: number): boolean {
  const m = trackingModel(c);
  const x = trackingState(c);
  const t = x.tables[shardIx]!;
  const store = c.s.shards[shardIx]!.store;
  const out = sinkFor(c, shardIx, c.s.now);
  if (store.gone !== null && store.gone.length > 0) drain(m, t, out, store.gone, -1, -1);
  x.capForgotten += limit(m, t, out, c.s.jobs.instance[job]!);
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
  const t = x.tables[shardIx]!;
  const out = sinkFor(c, shardIx, doneAt);
  const gone = store.gone!;
  if (op === OP_GET) {
    drain(m, t, out, gone, -1, inst); // a lazy expiry of this very key comes before it is remembered
    if ((m.optin || m.optout) && key < m.optKeys) x.cachingCommands++;
    if (read(m, t, out, key, inst)) {
      if (tableSize(t) > x.tablePeak) x.tablePeak = tableSize(t);
      let total = 0;
      for (const u of x.tables) total += tableSize(u);
      if (total > x.tableTotalPeak) x.tableTotalPeak = total;
    }
    return;
  }
  if (op === OP_SET && store.rejectedWrites !== x.rejectedBefore) {
    drain(m, t, out, gone, -1, inst); // refused (out of memory): the key did not change
    return;
  }
  drain(m, t, out, gone, key, inst); // an expired old value and the SET over it: one change
  if (op === OP_SET || x.delPresent) changed(m, t, out, key, inst, WRITE);
}
