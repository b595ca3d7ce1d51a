import type { StageLayout } from '../../render/layout.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { formatCount } from '../format.ts';
import { HotKeyBadge } from './ShardNode.tsx';
import { HOT_FACTOR } from './useShardState.ts';

/**
 * Under a grid of shard tiles: the busiest shard by name, its rate and how many times the mean that is
 * (in the hot colour once it is hot), and where the hottest key lives with its TTL, which a tile has no
 * room to say.
 */
export function ShardTilesCaption({ at }: { at: NonNullable<StageLayout['shardTiles']> }) {
  const busiest = useAppStore((s) => {
    let best = -1;
    for (let i = 0; i < s.shardRates.length; i++)
      if (best < 0 || s.shardRates[i]! > s.shardRates[best]!) best = i;
    return best;
  });
  const rate = useAppStore((s) => (busiest >= 0 ? (s.shardRates[busiest] ?? 0) : 0));
  const mean = useAppStore((s) => s.shardRates.reduce((a, b) => a + b, 0) / Math.max(1, s.shardRates.length));
  const hotKey = useAppStore((s) => (s.nodes !== null && s.nodes.nowMs > 0 ? s.nodes.hotKey : null));
  const factor = mean > 0 ? rate / mean : 0;
  const hot = rate > 100 && factor > HOT_FACTOR;
  return (
    <div className="shard-tiles-caption" style={{ left: at.x, top: at.y, width: at.w }}>
      {busiest >= 0 && rate > 0 ? (
        <>
          <span className={hot ? 'busiest hot' : 'busiest'}>Busiest: Redis shard {busiest + 1}</span>
          <span>
            {formatCount(Math.round(rate))} ops/s, {factor.toFixed(1)}× the mean
          </span>
        </>
      ) : (
        <span>Shards tint by load once the run starts</span>
      )}
      {hotKey !== null && hotKey.shard >= 0 && (
        <span className="node-row">
          <HotKeyBadge ttlLeftMs={hotKey.ttlLeftMs} cached={hotKey.cached} short={false} />
          <span>{hotKey.shard === busiest ? 'on it' : `on Redis shard ${hotKey.shard + 1}`}</span>
        </span>
      )}
    </div>
  );
}
