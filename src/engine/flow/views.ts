import { l1Entries, l1Peek, l1Size } from '../core/l1Cache.ts';
import { storeEntries, storePeek, storeSize } from '../redis/shardStore.ts';
import { keySlot } from '../redis/keySlot.ts';
import type { KeyView, NodeId, NodeView, SimMs } from './types.ts';
import { copiesOf, copyShardOf, storeIdOf } from './addressing.ts';
import { appNode, redisNode, type Ctx } from './context.ts';
import { shardOf } from './addressing.ts';
import { keyName, type Model } from './model.ts';
import type { State } from './state.ts';
import type { TtlDistribution } from '../redis/expiry.ts';
import { liveTtlDistribution, liveTtlRemaining } from './redisCore.ts';

const finiteOrNull = (t: number): SimMs | null => (Number.isFinite(t) ? t : null);

/** Key 0 as Redis holds it (copy 0 of a replicated key). */
function hotKeyView(m: Model, s: State): NodeView['hotKey'] {
  const copy = copiesOf(m, 0) > 0 ? 0 : -1;
  const shard = copy < 0 ? shardOf(m, 0) : copyShardOf(m, 0, copy);
  const sh = s.shards[shard]!;
  const entry = sh.up ? storePeek(sh.store, storeIdOf(m, 0, copy), s.now) : null;
  if (entry === null) return { shard, ttlLeftMs: null, cached: false };
  return { shard, ttlLeftMs: finiteOrNull(entry.expiresAt - s.now), cached: true };
}

/** The nodes' live state for the stage: the flow's, then what each mechanism adds. */
export function nodeView(c: Ctx): NodeView {
  const { m, s } = c;
  const service = m.scenario.cache.l2.serviceMs;
  const view: NodeView = {
    nowMs: s.now,
    instances: s.l1.map((l1, i) => ({
      id: appNode(i),
      l1Keys: l1Size(l1),
      inFlight: s.instanceInFlight[i]!,
      up: s.instanceUp[i] === 1,
    })),
    shards: s.shards.map((sh, i) => ({
      id: redisNode(i),
      slotStart: m.ranges[i]![0],
      slotEnd: m.ranges[i]![1],
      keys: storeSize(sh.store),
      queue: service > 0 ? Math.max(0, Math.ceil((sh.busyUntil - s.now) / service)) : 0,
      ops: sh.ops,
      up: sh.up,
      memoryBytes: sh.store.memoryBytes,
      maxMemoryBytes: sh.store.maxMemoryBytes,
      expired: sh.store.expired,
      locks: 0,
    })),
    hotKey: hotKeyView(m, s),
    db: { connections: m.scenario.database.connections, inUse: s.db.inUse, queue: s.db.waitLen },
  };
  for (const mech of c.plan.mechanisms) mech.nodeView?.(c, view);
  return view;
}

/** One key in the database, in Redis and in every L1, and what the mechanisms add. */
export function keyView(c: Ctx, key: number): KeyView {
  const { m, s } = c;
  const shard = shardOf(m, key);
  const peek = (p: { version: number; expiresAt: number } | null) =>
    p === null ? null : { version: p.version, expiresAtMs: finiteOrNull(p.expiresAt) };
  const view: KeyView = {
    key,
    name: keyName(key, m),
    slot: keySlot(keyName(key, m)),
    shard,
    dbVersion: s.db.versions[key]!,
    ...(s.db.latest[key] !== s.db.versions[key] ? { ackedVersion: s.db.latest[key]! } : {}),
    redis: s.shards[shard]!.up ? peek(storePeek(s.shards[shard]!.store, key, s.now)) : null,
    l1: s.l1.map((l1) => (m.l1Enabled ? peek(l1Peek(l1, key, s.now)) : null)),
  };
  for (const mech of c.plan.mechanisms) mech.keyView?.(c, key, view);
  return view;
}

/** The keys a cache node holds, for the inspector. */
export function nodeKeys(
  s: State,
  node: NodeId,
  limit: number,
): { key: number; version: number; expiresAtMs: SimMs | null }[] {
  const [kind, ix] = node.split('-');
  const i = Number(ix);
  const rows =
    kind === 'redis' && s.shards[i]
      ? storeEntries(s.shards[i].store, s.now, limit)
      : kind === 'app' && s.l1[i]
        ? l1Entries(s.l1[i], s.now, limit)
        : [];
  return rows.map((r) => ({ key: r.key, version: r.version, expiresAtMs: finiteOrNull(r.expiresAt) }));
}

/**
 * TTL left on the live keys of every shard that is up, bucketed (see redis/expiry.ts).
 *
 * @example
 * sim.ttlDistribution().counts; // keys expiring within 1 s, 5 s, 10 s, ...
 */
export function ttlView(s: State): TtlDistribution {
  return liveTtlDistribution(s);
}

/**
 * TTL left (ms) on up to `limit` live keys with an expiry, spread over the keyspace: what a histogram
 * drawn by the UI needs.
 *
 * @example
 * sim.ttlRemaining(2000); // [59_812, 3_004, ...]
 */
export function ttlRemainingView(s: State, limit: number): number[] {
  return liveTtlRemaining(s, limit);
}
