import type { NodeBox } from '../../render/layout.ts';
import { formatCount } from '../format.ts';
import { useSelectNode } from './useSelectNode.ts';
import { HOT_FACTOR, useShardState } from './useShardState.ts';

/** The number's size in px: the stage's smallest text. */
export const TILE_FONT_PX = 12;
/** A bold digit's width in em (tabular figures), and the tile's border and margin either side. */
const DIGIT_EM = 0.7;
const TILE_INSET_PX = 2;

/**
 * True when the cluster's largest shard number fits inside a tile of `w` px at TILE_FONT_PX; smaller
 * tiles leave every number out (the label and tooltip still name the shard) rather than shrink it.
 */
export function tileNumbered(w: number, shards: number): boolean {
  return String(shards).length * DIGIT_EM * TILE_FONT_PX + 2 * TILE_INSET_PX <= w;
}

/**
 * A shard as a small square tile, for clusters too big for cards: its number, tinted by how far its ops
 * rate is above the shards' mean (untinted at or under it), outlined when hot, dashed when down. The tint
 * is full at the busiest shard when that one is hot, else at twice the mean, so a hot shard is the one
 * dark tile while the noise between the others stays pale. The label and tooltip carry what a card shows.
 */
export function ShardTile({ box, shards }: { box: NodeBox; shards: number }) {
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
        fontSize: TILE_FONT_PX,
        background: `color-mix(in srgb, var(--hot) ${Math.round(heat * 100)}%, var(--surface-2))`,
      }}
      aria-label={label}
      aria-pressed={selected}
      data-hot={hot ? 'true' : undefined}
      title={title}
      onClick={select}
    >
      {tileNumbered(box.w, shards) ? box.index + 1 : null}
    </button>
  );
}
