import { useAppStore } from '../../store/useAppStore.ts';
import type { NodeTone } from './NodeCard.tsx';

/** A queue this long on a single-threaded shard means it is the hot one. */
export const HOT_QUEUE = 3;
/** Or this many times the mean ops rate of the shards. */
export const HOT_FACTOR = 2;

/**
 * What a shard card and a shard tile both show: the shard's view, its ops rate against the shards' mean,
 * whether it is hot, its fill, and the accessible label that says all of it.
 */
export function useShardState(index: number) {
  const view = useAppStore((s) => s.nodes?.shards[index]);
  // Not before the run starts: every key is a miss then, which says nothing yet.
  const hotKey = useAppStore((s) =>
    s.nodes?.hotKey.shard === index && s.nodes.nowMs > 0 ? s.nodes.hotKey : null,
  );
  const shards = useAppStore((s) => s.applied.topology.redisShards);
  const maxKeys = useAppStore((s) => s.applied.cache.l2.maxKeys);
  const keyspace = useAppStore((s) => s.applied.workload.keys);
  const opsRate = useAppStore((s) => s.shardRates[index] ?? 0);
  const meanRate = useAppStore(
    (s) => s.shardRates.reduce((a, b) => a + b, 0) / Math.max(1, s.shardRates.length),
  );
  const maxRate = useAppStore((s) => s.shardRates.reduce((a, b) => Math.max(a, b), 0));
  const up = view?.up ?? true;
  const keys = view?.keys ?? 0;
  const queue = view?.queue ?? 0;
  // Fill: memory against maxmemory when set, else keys against the per-shard key limit, else against
  // this shard's share of the whole key space (how much of it is cached).
  const maxMemory = view?.maxMemoryBytes ?? null;
  const fill =
    maxMemory !== null
      ? (view?.memoryBytes ?? 0) / maxMemory
      : maxKeys !== null
        ? keys / maxKeys
        : keys / (keyspace / shards);
  const fillLabel =
    maxMemory !== null ? 'memory used' : maxKeys !== null ? 'key limit used' : 'share of key space cached';
  // Hot: commands queue on its single thread, or it serves well over its fair share of operations.
  const hot = up && (queue >= HOT_QUEUE || (shards > 1 && opsRate > 100 && opsRate > HOT_FACTOR * meanRate));
  const tone: NodeTone = !up ? 'down' : hot ? 'hot' : 'normal';
  const slots = view ? `${view.slotStart}–${view.slotEnd}` : '';
  const state = !up ? ', down' : hot ? `, hot: ${Math.round(opsRate)} ops/s, ${queue} queued` : '';
  const label = `Redis shard ${index + 1}, slots ${slots}, ${keys} keys${state}`;
  return {
    view,
    hotKey,
    up,
    keys,
    queue,
    opsRate,
    meanRate,
    maxRate,
    fill,
    fillLabel,
    hot,
    tone,
    slots,
    label,
  };
}
