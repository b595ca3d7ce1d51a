import type { NodeBox } from '../../render/layout.ts';
import { formatCount } from '../format.ts';
import { useSelectNode } from './useSelectNode.ts';
import { HOT_FACTOR, useShardState } from './useShardState.ts';

/** Tiles narrower than this leave the number out (the label and tooltip still name the shard). */
const MIN_NUMBERED_PX = 17;

/**
 * A shard as a small square tile, for clusters too big for cards: its number, tinted by how far its ops
 * rate is above the shards' mean (untinted at or under it), outlined when hot, dashed when down. The tint
 * is full at the busiest shard when that one is hot, else at twice the mean, so a hot shard is the one
 * dark tile while the noise between the others stays pale. The label and tooltip carry what a card shows.
 */
export function ShardTile({ box }: { box: NodeBox }) {
  const { up, keys, opsRate, meanRate, maxRate, hot, tone, label } = useShardState(box.index);
  const [selected, select] = useSelectNode(box.id);
  const full = Math.max(HOT_FACTOR * meanRate, maxRate);
  const heat = up && full > meanRate ? Math.max(0, Math.min(1, (opsRate - meanRate) / (full - meanRate))) : 0;
  const title = `${label} · ${formatCount(keys)} keys · ${formatCount(Math.round(opsRate))} ops/s. Click to inspect.`;
  return (
    <button
      type="button"
      className={`shard-tile tone-${tone}${selected ? ' selected' : ''}${heat > 0.5 ? ' heated' : ''}`}
      style={{
        left: box.x,
        top: box.y,
        width: box.w,
        height: box.h,
        fontSize: Math.max(9, Math.min(13, box.w * 0.42)),
        background: `color-mix(in srgb, var(--hot) ${Math.round(heat * 100)}%, var(--surface-2))`,
      }}
      aria-label={label}
      aria-pressed={selected}
      data-hot={hot ? 'true' : undefined}
      title={title}
      onClick={select}
    >
      {box.w >= MIN_NUMBERED_PX ? box.index + 1 : null}
    </button>
  );
}
