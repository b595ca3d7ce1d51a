import type { Scenario } from '../../../scenario/schema.ts';
import { keySlot } from '../../redis/keySlot.ts';
import { storePeek } from '../../redis/shardStore.ts';
import { copiesOf, copyName, copyShardOf, REPLICA_STRIDE, storeIdOf } from '../../flow/addressing.ts';
import type { Ctx } from '../../flow/context.ts';
import type { Copies, Mechanism, ModelEnv } from '../../flow/mechanism.ts';
import type { KeyView } from '../../flow/types.ts';

/**
 * Hot-key replication (`cache.hotKeys`): the `topKeys` most popular keys are kept as `replicas` copies,
 * each on its own slot, so their reads spread over several shards (the flow's addressing sends each
 * read to one copy at random and each SET or DEL to every copy: see flow/addressing.ts). This mechanism
 * supplies the copies and shows them in the inspector.
 */

/** The copies in force. The copy -> shard table is the run's (names never change), grown on demand. */
function buildCopies(scenario: Scenario, env: ModelEnv): Copies {
  const { replicas, topKeys } = scenario.cache.hotKeys;
  const on = replicas > 1 && scenario.cache.strategy !== 'none';
  const replicated = on ? Math.min(topKeys, env.keyCount) : 0;
  const need = replicated * REPLICA_STRIDE;
  let table = (env.shared.get('hotKeys') as Int16Array | undefined) ?? new Int16Array(0);
  if (table.length < need) {
    const bigger = new Int16Array(need).fill(-1);
    bigger.set(table);
    table = bigger;
    env.shared.set('hotKeys', table);
  }
  // Filled lazily, as the flow's key -> shard table: hashing is cheap, but names depend on the families.
  return { replicas, replicatedKeys: replicated, firstId: env.keyCount, copyShard: table };
}

/**
 * The inspector's fields for a replicated key: its copies with their slots and shards, and Redis's view
 * taken from copy 0 (the key itself is never stored under its own name). An empty list for other keys.
 */
function keyView(c: Ctx, key: number, view: KeyView): void {
  const { m, s } = c;
  const replicas: NonNullable<KeyView['replicas']> = [];
  for (let r = 0; r < copiesOf(m, key); r++) {
    const name = copyName(m, key, r);
    replicas.push({ name, slot: keySlot(name), shard: copyShardOf(m, key, r) });
  }
  view.replicas = replicas;
  if (replicas.length === 0) return;
  const shard = s.shards[copyShardOf(m, key, 0)]!;
  const p = shard.up ? storePeek(shard.store, storeIdOf(m, key, 0), s.now) : null;
  view.redis =
    p === null
      ? null
      : { version: p.version, expiresAtMs: Number.isFinite(p.expiresAt) ? p.expiresAt : null };
}

export const hotKeys: Mechanism<Copies> = {
  name: 'hotKeys',
  reads: ['cache.hotKeys', 'cache.strategy'],
  model: buildCopies,
  copies: (part) => part,
  keyView,
};
