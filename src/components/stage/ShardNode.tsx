import type { NodeBox } from '../../render/layout.ts';
import { formatCount, formatDuration } from '../format.ts';
import { Gauge } from './Gauge.tsx';
import { NodeCard } from './NodeCard.tsx';
import { useSelectNode } from './useSelectNode.ts';
import { HOT_QUEUE, useShardState } from './useShardState.ts';

/**
 * Where the hottest key lives: its TTL counting down, and a warning once it has expired (the moment a
 * stampede starts when nothing protects the database).
 */
export function HotKeyBadge({ ttlLeftMs, cached }: { ttlLeftMs: number | null; cached: boolean }) {
  if (!cached)
    return (
      <span
        className="badge expired"
        title="The hottest key is not in Redis: expired, evicted or not yet read"
      >
        hot key: miss
      </span>
    );
  return (
    <span className="badge muted" title="TTL the hottest key has left in Redis">
      hot key {ttlLeftMs === null ? 'no TTL' : formatDuration(ttlLeftMs)}
    </span>
  );
}

/** A Redis shard: slot range, keys with a fill gauge, ops per second and its queue when hot. */
export function ShardNode({ box, compact }: { box: NodeBox; compact: boolean }) {
  const { view, hotKey, up, keys, queue, opsRate, fill, fillLabel, hot, tone, slots, label } = useShardState(
    box.index,
  );
  const [selected, select] = useSelectNode(box.id);
  return (
    <NodeCard box={box} label={label} tone={tone} compact={compact} selected={selected} onSelect={select}>
      <span className="node-row">
        <span className="node-title">{compact ? `S${box.index + 1}` : `Redis shard ${box.index + 1}`}</span>
        {compact && (
          <span className="node-line">
            {formatCount(Math.round(opsRate))}
            {box.w < 130 ? '/s' : ' ops/s'}
          </span>
        )}
      </span>
      {!compact && <span className="node-line small">slots {slots}</span>}
      {!compact && (
        <span className="node-line">
          {formatCount(keys)} keys · {formatCount(Math.round(opsRate))}
          {box.w < 170 ? '/s' : ' ops/s'}
        </span>
      )}
      <span className="node-row">
        {!up && <span className="badge down">DOWN</span>}
        {up && view !== undefined && view.locks > 0 && (
          <span className="badge lock">{view.locks === 1 ? 'lock held' : `${view.locks} locks held`}</span>
        )}
        {up && hotKey !== null && <HotKeyBadge ttlLeftMs={hotKey.ttlLeftMs} cached={hotKey.cached} />}
        {/* A small card says "hot" with its border; the queue is worth its room. */}
        {hot && (!compact || queue >= HOT_QUEUE) && (
          <span className="badge hot">{queue >= HOT_QUEUE ? `queue ${queue}` : 'hot'}</span>
        )}
      </span>
      <Gauge value={fill} label={`Shard ${box.index + 1} ${fillLabel}`} />
    </NodeCard>
  );
}
