import { useInForce } from './inForce.ts';
import type { NodeBox } from '../../render/layout.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { formatCount, formatDuration } from '../format.ts';
import { Gauge } from './Gauge.tsx';
import { NodeCard, type NodeTone } from './NodeCard.tsx';
import { useSelectNode } from './useSelectNode.ts';

/** A queue this long on a single-threaded shard means it is the hot one. */
const HOT_QUEUE = 3;
/** Or this many times the mean ops rate of the shards. */
const HOT_FACTOR = 2;

/**
 * Where the hottest key lives: its TTL counting down, and a warning once it has expired (the moment a
 * stampede starts when nothing protects the database).
 */
function HotKeyBadge({ ttlLeftMs, cached }: { ttlLeftMs: number | null; cached: boolean }) {
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
  const view = useAppStore((s) => s.nodes?.shards[box.index]);
  // Not before the run starts: every key is a miss then, which says nothing yet.
  const hotKey = useAppStore((s) =>
    s.nodes?.hotKey.shard === box.index && s.nodes.nowMs > 0 ? s.nodes.hotKey : null,
  );
  const shards = useAppStore((s) => s.applied.topology.redisShards);
  const maxKeys = useInForce<number | null>('cache.l2.maxKeys');
  const keyspace = useAppStore((s) => s.applied.workload.keys);
  const [selected, select] = useSelectNode(box.id);
  const opsRate = useAppStore((s) => s.shardRates[box.index] ?? 0);
  const meanRate = useAppStore(
    (s) => s.shardRates.reduce((a, b) => a + b, 0) / Math.max(1, s.shardRates.length),
  );
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
  return (
    <NodeCard
      box={box}
      label={`Redis shard ${box.index + 1}, slots ${slots}, ${keys} keys${state}`}
      tone={tone}
      compact={compact}
      selected={selected}
      onSelect={select}
    >
      <span className="node-row">
        <span className="node-title">{compact ? `S${box.index + 1}` : `Redis shard ${box.index + 1}`}</span>
        {compact && <span className="node-line">{formatCount(Math.round(opsRate))} ops/s</span>}
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
        {hot && <span className="badge hot">{queue >= HOT_QUEUE ? `queue ${queue}` : 'hot'}</span>}
      </span>
      <Gauge value={fill} label={`Shard ${box.index + 1} ${fillLabel}`} />
    </NodeCard>
  );
}
