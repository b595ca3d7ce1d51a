import type { NodeBox } from '../../render/layout.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { useInForce } from './inForce.ts';
import { formatCount } from '../format.ts';
import { NodeCard, type NodeTone } from './NodeCard.tsx';
import { useSelectNode } from './useSelectNode.ts';

interface Props {
  box: NodeBox;
  compact: boolean;
}

/** An app instance with its L1 badge: key count, and "cold" when it has just (re)started empty. */
export function InstanceNode({ box, compact }: Props) {
  const view = useAppStore((s) => s.nodes?.instances[box.index]);
  const l1Enabled = useInForce<boolean>('cache.l1.enabled');
  const nowMs = useAppStore((s) => s.nowMs);
  const [selected, select] = useSelectNode(box.id);
  const up = view?.up ?? true;
  const keys = view?.l1Keys ?? 0;
  const cold = l1Enabled && up && keys === 0 && nowMs > 0;
  const tone: NodeTone = !up ? 'down' : cold ? 'cold' : 'normal';
  const state = !up ? ', down' : cold ? ', L1 cold (empty)' : '';
  const label = `App instance ${box.index + 1}${l1Enabled ? `, L1 holds ${keys} keys` : ''}${state}`;
  return (
    <NodeCard box={box} label={label} tone={tone} compact={compact} selected={selected} onSelect={select}>
      {/* Title and cache badge share a row so small cards keep room for the in-flight line. */}
      <span className="node-row">
        <span className="node-title">
          {compact && box.w < 110 ? `#${box.index + 1}` : `App ${box.index + 1}`}
        </span>
        {!up && <span className="badge down">DOWN</span>}
        {!up ? null : l1Enabled ? (
          <span className={`badge l1-badge${cold ? ' cold' : ''}`} title="In-process L1 cache: keys held">
            L1 {cold ? 'cold' : formatCount(keys)}
          </span>
        ) : (
          !compact && <span className="badge muted">no L1</span>
        )}
      </span>
      {!compact && up && (
        <span className="node-line small">{formatCount(view?.inFlight ?? 0)} in flight</span>
      )}
      {(view?.writeQueue ?? 0) > 0 && (
        <span className="badge hot" title="Write-behind: writes acknowledged but not yet in the database">
          {formatCount(view?.writeQueue ?? 0)} writes queued
        </span>
      )}
    </NodeCard>
  );
}
