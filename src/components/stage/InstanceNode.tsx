import type { NodeBox } from '../../render/layout.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { useInForce } from './inForce.ts';
import { formatCount } from '../format.ts';
import { appName } from '../../labels/names.ts';
import { FIGURES } from '../../labels/figures.ts';
import { NodeCard, ShortName, type NodeTone } from './NodeCard.tsx';
import { StaleServedBadge, staleServedText } from './StaleServedBadge.tsx';
import { useFitLevel } from './useFitLevel.ts';
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
  const queued = view?.writeQueue ?? 0;
  const cold = l1Enabled && up && keys === 0 && nowMs > 0;
  const tone: NodeTone = !up ? 'down' : cold ? 'cold' : 'normal';
  const state = !up ? ', down' : cold ? ', L1 cold (empty)' : '';
  // Copies its L1 served past their TTL on purpose (cache.staleWindows), once there are any.
  const stale = up && l1Enabled ? staleServedText(view?.staleServed, 'L1') : null;
  const label = `${appName(box.index)}, an app instance${l1Enabled ? `, its L1 holds ${keys} keys` : ''}${state}${stale === null ? '' : `. ${stale}`}`;
  // A card short of room leaves out the stale badge's count (fit level 1), then the badge (3).
  const cardRef = useFitLevel<HTMLButtonElement>(`${box.w}x${box.h} ${compact} ${up} ${stale !== null}`, 3);
  return (
    <NodeCard
      box={box}
      label={label}
      tone={tone}
      compact={compact}
      selected={selected}
      onSelect={select}
      cardRef={cardRef}
    >
      {/* Title and cache badge share a row so small cards keep room for the in-flight line. */}
      <span className="node-row">
        <span className="node-title">
          <ShortName
            short={compact && box.w < 80 ? `#${box.index + 1}` : appName(box.index)}
            full={appName(box.index)}
          />
        </span>
        {!up && <span className="badge down">DOWN</span>}
        {!up ? null : l1Enabled ? (
          // The L1's badges on one line: a compact card stacks its row's items.
          <span className="badge-line">
            <span className={`badge l1-badge${cold ? ' cold' : ''}`} title="In-process L1 cache: keys held">
              L1 {cold ? 'cold' : formatCount(keys)}
            </span>
            {stale !== null && (
              <span className="fit-hide-3">
                <StaleServedBadge served={view?.staleServed} tier="L1" />
              </span>
            )}
          </span>
        ) : (
          !compact && <span className="badge muted">no L1</span>
        )}
      </span>
      {/* On a short card the queued writes matter more than the requests in flight. */}
      {!compact && up && ((queued === 0 && stale === null) || box.h >= 84) && (
        <span className="node-line small">{formatCount(view?.inFlight ?? 0)} in flight</span>
      )}
      {queued > 0 && (
        <span className="badge hot" title="Write-behind: writes acknowledged but not yet in the database">
          {formatCount(queued)} {compact ? 'queued' : FIGURES.writesQueued}
        </span>
      )}
    </NodeCard>
  );
}
