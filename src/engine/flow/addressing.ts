import { randomInt } from '../core/rng.ts';
import { keySlot, numberedKeySlot } from '../redis/keySlot.ts';
import { keyName } from './keyspace.ts';
import type { Copies } from './modelParts.ts';
import type { Ctx, Model } from './shapes.ts';

/**
 * Where a key lives in the cluster, copies included. A mechanism may store the most popular keys as N
 * copies named `key:N:r0` ... `key:N:r{N-1}` (hot-key replication, `Model.copies`): each copy hashes to
 * its own slot, so the copies land on different shards; a read picks one copy at random and a SET or
 * DEL goes to all of them (N commands). In the shard stores a copy is the integer id
 * `keys + rank * REPLICA_STRIDE + r`, right after the workload's own keys. The stride is the most copies
 * the schema allows, not the count in force: N may change mid-run, and a copy id must never come to
 * name another key's copy.
 */

/** Copies a key may have at most (`cache.hotKeys.replicas` <= 64): the spacing of copy ids. */
export const REPLICA_STRIDE = 64;

/** No copies: what the flow addresses without a mechanism that supplies them. */
export const NO_COPIES: Copies = { replicas: 1, replicatedKeys: 0, firstId: 0, copyShard: new Int16Array(0) };

/** The Redis key name of one copy. */
export function copyName(m: Model, key: number, copy: number): string {
  return `${keyName(key, m)}:r${copy}`;
}

/**
 * The copy a read goes to: a random one for a replicated key, -1 (the key itself) otherwise. Costs
 * unreplicated keys one comparison and no random draw, so runs without replication are unchanged.
 *
 * @example
 * const copy = pickCopy(c, key); // -1, or 0..replicas-1
 */
export function pickCopy(c: Ctx, key: number): number {
  const r = c.m.copies;
  return key < r.replicatedKeys ? randomInt(c.s.rng, r.replicas) : -1;
}

/** Copies a SET or DEL of this key must reach: 0 when the key is not replicated. */
export function copiesOf(m: Model, key: number): number {
  const r = m.copies;
  return key < r.replicatedKeys ? r.replicas : 0;
}

/** The id a key (copy -1) or one of its copies has in the shard store. */
export function storeIdOf(m: Model, key: number, copy: number): number {
  return copy < 0 ? key : m.copies.firstId + key * REPLICA_STRIDE + copy;
}

/** The shard a copy lives on: from the slot of the copy's own name. */
export function copyShardOf(m: Model, key: number, copy: number): number {
  const r = m.copies;
  const i = key * REPLICA_STRIDE + copy;
  let shard = r.copyShard[i]!;
  if (shard < 0) {
    shard = m.slotToShard[keySlot(copyName(m, key, copy))]!;
    r.copyShard[i] = shard;
  }
  return shard;
}

/** Packs a Redis command and the copy it targets into an event's `b` (copy -1: the key itself). */
export function packOp(op: number, copy: number): number {
  return op + (copy + 1) * 256;
}

/** The shard of a key: from its name's slot, computed once and kept in the model's table. */
export function shardOf(m: Model, key: number): number {
  let s = m.shardOfKey[key]!;
  if (s < 0) {
    s = m.slotToShard[slotOfKey(m, key)]!;
    m.shardOfKey[key] = s;
  }
  return s;
}

/** keySlot(keyName(key, m)), computed from the name's prefix and rank without building the string. */
function slotOfKey(m: Model, key: number): number {
  const g = m.groups;
  const f = g === null ? 0 : g.groupOf[key]!;
  const crc = m.keyPrefixCrc[f]!;
  if (crc < 0) return keySlot(keyName(key, m));
  return numberedKeySlot(crc, g === null ? key : key - g.offsets[f]!);
}
