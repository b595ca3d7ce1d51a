import { randomInt } from '../core/rng.ts';
import { keySlot } from '../redis/keySlot.ts';
import { storePeek } from '../redis/shardStore.ts';
import type { KeyView, Scenario } from '../types.ts';
import type { Ctx } from './context.ts';
import { keyName, type Model } from './model.ts';
import type { State } from './state.ts';

/**
 * Hot-key replication: the most popular keys are stored as N copies named `key:N:r0` ... `key:N:r{N-1}`.
 * Each copy hashes to its own slot, so the copies land on different shards; a read picks one copy at
 * random and a SET or DEL goes to all of them (N commands). In the shard stores a copy is the integer id
 * `keys + rank * REPLICA_STRIDE + r`, right after the workload's own keys. The stride is the most copies
 * the schema allows, not the count in force: N may change mid-run, and a copy id must never come to
 * name another key's copy.
 */

/** Copies a key may have at most (`cache.hotKeys.replicas` <= 64): the spacing of copy ids. */
export const REPLICA_STRIDE = 64;

export interface ReplicaModel {
  /** Copies per replicated key (1 = off). */
  replicas: number;
  /** Keys with a rank below this are replicated (0 when replication is off). */
  replicatedKeys: number;
  /** Store id of copy r of key k: `firstId + k * REPLICA_STRIDE + r`. */
  firstId: number;
  /** Shard of copy r of key k at `k * REPLICA_STRIDE + r` (-1: not computed yet). */
  copyShard: Int16Array;
}

/** The Redis key name of one copy. */
export function copyName(m: Model, key: number, copy: number): string {
  return `${keyName(key, m)}:r${copy}`;
}

/**
 * `keyCount`: the run's number of keys; copies get the store ids right after them. `copyShardFor(n)`
 * gives a copy -> shard table for `n` replicated keys, shared by the run's models (names never change).
 */
export function buildReplicaModel(
  scenario: Scenario,
  keyCount: number,
  copyShardFor: (replicatedKeys: number) => Int16Array = (n) => new Int16Array(n * REPLICA_STRIDE).fill(-1),
): ReplicaModel {
  const { replicas, topKeys } = scenario.cache.hotKeys;
  const on = replicas > 1 && scenario.cache.strategy !== 'none';
  const replicated = on ? Math.min(topKeys, keyCount) : 0;
  // Filled lazily, as `shardOfKey`: hashing is cheap, but names depend on the model's families.
  return { replicas, replicatedKeys: replicated, firstId: keyCount, copyShard: copyShardFor(replicated) };
}

/**
 * The copy a read goes to: a random one for a replicated key, -1 (the key itself) otherwise. Costs
 * unreplicated keys one comparison and no random draw, so runs without replication are unchanged.
 *
 * @example
 * const copy = pickCopy(c, key); // -1, or 0..replicas-1
 */
export function pickCopy(c: Ctx, key: number): number {
  const r = c.m.mit.replica;
  return key < r.replicatedKeys ? randomInt(c.s.rng, r.replicas) : -1;
}

/** Copies a SET or DEL of this key must reach: 0 when the key is not replicated. */
export function copiesOf(m: Model, key: number): number {
  const r = m.mit.replica;
  return key < r.replicatedKeys ? r.replicas : 0;
}

/** The id a key (copy -1) or one of its copies has in the shard store. */
export function storeIdOf(m: Model, key: number, copy: number): number {
  const r = m.mit.replica;
  return copy < 0 ? key : r.firstId + key * REPLICA_STRIDE + copy;
}

/** The shard a copy lives on: from the slot of the copy's own name. */
export function copyShardOf(m: Model, key: number, copy: number): number {
  const r = m.mit.replica;
  const i = key * REPLICA_STRIDE + copy;
  let shard = r.copyShard[i]!;
  if (shard < 0) {
    shard = m.slotToShard[keySlot(copyName(m, key, copy))]!;
    r.copyShard[i] = shard;
  }
  return shard;
}

/**
 * The copies of a key with their slots and shards, for the inspector (empty when not replicated).
 *
 * @example
 * replicaViews(model, 0); // [{ name: 'key:0:r0', slot: 1234, shard: 0 }, ...]
 */
export function replicaViews(m: Model, key: number): NonNullable<KeyView['replicas']> {
  const out: NonNullable<KeyView['replicas']> = [];
  for (let r = 0; r < copiesOf(m, key); r++) {
    const name = copyName(m, key, r);
    out.push({ name, slot: keySlot(name), shard: copyShardOf(m, key, r) });
  }
  return out;
}

/** Packs a Redis command and the copy it targets into an event's `b` (copy -1: the key itself). */
export function packOp(op: number, copy: number): number {
  return op + (copy + 1) * 256;
}

/**
 * The inspector's fields for a replicated key: its copies, and Redis's view taken from copy 0 (the key
 * itself is never stored under its own name). Nothing but an empty list for other keys.
 *
 * @example
 * return { ...view, ...replicaFields(m, s, key, peek) };
 */
export function replicaFields<T>(
  m: Model,
  s: State,
  key: number,
  peek: (p: { version: number; expiresAt: number } | null) => T,
): { replicas: NonNullable<KeyView['replicas']>; redis?: T | null } {
  const replicas = replicaViews(m, key);
  if (replicas.length === 0) return { replicas };
  const shard = s.shards[copyShardOf(m, key, 0)]!;
  return { replicas, redis: shard.up ? peek(storePeek(shard.store, storeIdOf(m, key, 0), s.now)) : null };
}
