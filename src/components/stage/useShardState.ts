import { shardName } from '../../labels/names.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import type { NodeTone } from './NodeCard.tsx';

/** A queue this long on a single-threaded shard means it is the hot one. */
export const HOT_QUEUE = 3;
/** Or this many times the mean ops rate of the shards. */
export const HOT_FACTOR = 2;

/**
 * What a shard tile shows: the shard's ops rate against the shards' mean and busiest, whether it is hot
 * (by the same rule as a shard card), and the accessible label that says it.
 */
export function useShardState(index: number) {
  const view = useAppStore((s) => s.nodes?.shards[index]);
  const shards = useAppStore((s) => s.applied.topology.redisShards);
  const opsRate = useAppStore((s) => s.shardRates[index] ?? 0);
  const meanRate = useAppStore(
    (s) => s.shardRates.reduce((a, b) => a + b, 0) / Math.max(1, s.shardRates.length),
  );
  const maxRate = useAppStore((s) => s.shardRates.reduce((a, b) => Math.max(a, b), 0));
  const up = view?.up ?? true;
  const keys = view?.keys ?? 0;
  const queue = view?.queue ?? 0;
  // Hot: commands queue on its single thread, or it serves well over its fair share of operations.
  const hot = up && (queue >= HOT_QUEUE || (shards > 1 && opsRate > 100 && opsRate > HOT_FACTOR * meanRate));
  const tone: NodeTone = !up ? 'down' : hot ? 'hot' : 'normal';
  const slots = view ? `${view.slotStart}–${view.slotEnd}` : '';
  const state = !up ? ', down' : hot ? `, hot: ${Math.round(opsRate)} ops/s, ${queue} queued` : '';
  const label = `${shardName(index)}, slots ${slots}, ${keys} keys${state}`;
  return { up, keys, opsRate, meanRate, maxRate, hot, tone, label };
}
