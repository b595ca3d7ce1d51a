import { useInForce } from './inForce.ts';
import type { NodeBox } from '../../render/layout.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { formatCount, formatDuration } from '../format.ts';
import { NodeCard } from './NodeCard.tsx';
import { useSelectNode } from './useSelectNode.ts';

/** The change-data-capture pipeline: binlog to broker to consumer, which invalidates the caches. */
export function CdcNode({ box }: { box: NodeBox }) {
  const cdc = useAppStore((s) => s.nodes?.cdc);
  const lagMs = useInForce<number>('cache.cdc.lagMs');
  const [selected, select] = useSelectNode(box.id);
  const up = cdc?.up ?? true;
  const backlog = cdc?.backlog ?? 0;
  const label = `CDC pipeline, ${up ? 'consumer running' : 'consumer down'}, ${backlog} change events waiting`;
  return (
    <NodeCard
      box={box}
      label={label}
      tone={up ? (backlog > 50 ? 'hot' : 'normal') : 'down'}
      selected={selected}
      onSelect={select}
    >
      <span className="node-title">CDC pipeline</span>
      <span className="node-line small">binlog → broker → consumer, lag {formatDuration(lagMs)}</span>
      <span className={`node-line${backlog > 0 ? ' warn-text' : ''}`}>
        {formatCount(backlog)} events waiting
      </span>
      {!up && <span className="badge down">consumer DOWN</span>}
    </NodeCard>
  );
}
