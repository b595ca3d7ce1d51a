import type { NodeBox } from '../../render/layout.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { formatCount } from '../format.ts';
import { Gauge } from './Gauge.tsx';
import { NodeCard, type NodeTone } from './NodeCard.tsx';
import { useSelectNode } from './useSelectNode.ts';

/** A queue this long on a single-threaded shard means it is the hot one. */
const HOT_QUEUE = 3;

/** A Redis shard: slot range, keys with a fill gauge, ops per second and its queue when hot. */
export function ShardNode({ box, compact }: { box: NodeBox; compact: boolean }) {
  const view = useAppStore((s) => s.nodes?.shards[box.index]);
  const shards = useAppStore((s) => s.applied.topology.redisShards);
  const maxKeys = useAppStore((s) => s.applied.cache.l2.maxKeys);
  const keyspace = useAppStore((s) => s.applied.workload.keys);
  const [selected, select] = useSelectNode(box.id);
  const opsRate = useAppStore((s) => s.shardRates[box.index] ?? 0);
  const up = view?.up ?? true;
  const keys = view?.keys ?? 0;
  const queue = view?.queue ?? 0;
  // With no memory limit, fill is measured against this shard's share of the whole keyspace.
  const capacity = maxKeys !== null ? maxKeys / shards : keyspace / shards;
  const hot = up && queue >= HOT_QUEUE;
  const tone: NodeTone = !up ? 'down' : hot ? 'hot' : 'normal';
  const slots = view ? `${view.slotStart}–${view.slotEnd}` : '';
  const state = !up ? ', down' : hot ? `, hot: ${queue} commands queued` : '';
  return (
    <NodeCard
      box={box}
      label={`Redis shard ${box.index + 1}${state}`}
      tone={tone}
      selected={selected}
      onSelect={select}
    >
      <span className="node-title">
        {compact ? `shard ${box.index + 1}` : `Redis ${box.index + 1}`}
        {!compact && <span className="node-sub"> slots {slots}</span>}
      </span>
      <span className="node-line">
        {formatCount(keys)} keys{!compact && ` · ${formatCount(Math.round(opsRate))} ops/s`}
      </span>
      <Gauge
        value={keys / capacity}
        label={`Shard ${box.index + 1} ${maxKeys !== null ? 'memory' : 'keyspace share'} used`}
      />
      {!up && <span className="badge down">DOWN</span>}
      {hot && (
        <span className="queue" aria-label={`${queue} commands queued`}>
          queue {queue}
          <span className="queue-bar" style={{ width: `${Math.min(100, queue * 4)}%` }} />
        </span>
      )}
    </NodeCard>
  );
}
