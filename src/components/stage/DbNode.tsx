import { useInForce } from './inForce.ts';
import type { NodeBox } from '../../render/layout.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { NodeCard } from './NodeCard.tsx';
import { useSelectNode } from './useSelectNode.ts';

/** More slots than this are summarised as a bar: 1000 squares would say nothing. */
const MAX_SLOTS_DRAWN = 40;
/**
 * A card shorter than this (a short stage: a small embed, a wrapped header) keeps its title and figures
 * and leaves the slots (a bar instead), the queue's bar and the "pool full" badge (its colour says so).
 */
const SHORT_H = 150;

/** The database: connection pool slots busy/free and the queue of queries waiting for one. */
export function DbNode({ box }: { box: NodeBox }) {
  const db = useAppStore((s) => s.nodes?.db);
  const connections = useInForce<number>('database.connections');
  const [selected, select] = useSelectNode(box.id);
  const inUse = db?.inUse ?? 0;
  const queue = db?.queue ?? 0;
  const saturated = inUse >= connections;
  const short = box.h < SHORT_H;
  const label = `Database: ${inUse} of ${connections} connections busy, ${queue} queries waiting${saturated ? ', saturated' : ''}`;
  return (
    <NodeCard
      box={box}
      label={label}
      tone={saturated ? 'saturated' : 'normal'}
      selected={selected}
      onSelect={select}
    >
      <span className="node-title">Database</span>
      <span className="node-line">
        {short ? '' : 'pool: '}
        {inUse}/{connections} busy
      </span>
      {connections <= MAX_SLOTS_DRAWN && !short ? (
        <span className="pool" aria-hidden="true">
          {Array.from({ length: connections }, (_, i) => (
            <span key={i} className={`slot${i < inUse ? ' busy' : ''}`} />
          ))}
        </span>
      ) : (
        <span className="pool-bar" aria-hidden="true">
          <span style={{ width: `${(inUse / connections) * 100}%` }} />
        </span>
      )}
      <span className={`node-line${queue > 0 ? ' warn-text' : ''}`}>
        {queue > 0 ? `${queue} waiting` : 'no queue'}
      </span>
      {queue > 0 && !short && (
        <span
          className="queue-bar db-queue"
          aria-hidden="true"
          style={{ width: `${Math.min(100, queue / 2)}%` }}
        />
      )}
      {saturated && !short && <span className="badge hot">pool full</span>}
    </NodeCard>
  );
}
