import type { NodeBox } from '../../render/layout.ts';
import { optionLabel } from '../../labels/options.ts';
import type { AppState } from '../../store/appStore.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { changeInForce, useInForce } from './inForce.ts';
import { formatCount } from '../format.ts';
import { NodeCard } from './NodeCard.tsx';
import { useFitLevel } from './useFitLevel.ts';
import { StaleServedBadge, staleServedText } from './StaleServedBadge.tsx';
import { useSelectNode } from './useSelectNode.ts';

/**
 * The current arrival rate: the latest of the phases that have started and a live change of the rate
 * (a change at a phase's time comes after it), or the base rate.
 */
export function currentRps(s: AppState): number {
  const { rps, phases } = s.applied.workload;
  let at = -Infinity;
  let current = rps;
  for (const p of phases) if (p.atMs <= s.nowMs) [at, current] = [p.atMs, p.rps];
  const change = changeInForce(s, 'workload.rps');
  return change && change.atMs >= at ? (change.value as number) : current;
}

/** The left-hand singletons: clients, the CDN and the load balancer. */
export function EdgeNode({ box }: { box: NodeBox }) {
  const rps = useAppStore(currentRps);
  const readRatio = useInForce<number>('workload.readRatio');
  // A replay's requests are the trace's: the rate shown is its mean, the read share the trace's own.
  const replaying = useAppStore((s) => s.applied.workload.trace !== null);
  // The balancer cannot change mid-run: the scenario as applied has it.
  const lb = useAppStore((s) => s.applied.topology.loadBalancer);
  // Responses the edge gave to a user they were not made for (a personalised route cached in public).
  const leaks = useAppStore((s) => s.summary?.cdn.crossUserLeaks ?? 0);
  // Copies the edge served past their max-age on purpose (a route's stale-while-revalidate / stale-if-error).
  const swr = useAppStore((s) => s.summary?.cdnStale?.servedWhileRevalidating ?? 0);
  const sie = useAppStore((s) => s.summary?.cdnStale?.servedIfError ?? 0);
  const staleServed = { whileRevalidating: swr, ifError: sie };
  const stale = staleServedText(staleServed, 'CDN');
  const [selected, select] = useSelectNode(box.id);
  // A narrow card sets its name and rate smaller rather than cut them ("2,000/s", "Load balancer").
  const cardRef = useFitLevel<HTMLButtonElement>(
    `${box.w}x${box.h} ${formatCount(rps)} ${leaks > 0} ${stale !== null}`,
    2,
  );
  if (box.kind === 'client') {
    return (
      <NodeCard
        box={box}
        label={`Clients: ${formatCount(rps)} requests per second`}
        tone="normal"
        selected={selected}
        onSelect={select}
        cardRef={cardRef}
      >
        <span className="node-title fit-shrink">Clients</span>
        <span className="node-line big fit-shrink">{formatCount(rps)}/s</span>
        <span className="node-line small">requests</span>
        <span className="node-line small">
          {replaying ? 'trace mean' : `${Math.round(readRatio * 100)} % reads`}
        </span>
      </NodeCard>
    );
  }
  if (box.kind === 'cdn') {
    const label = `CDN edge cache${leaks > 0 ? `, ${leaks} responses served to the wrong user` : ''}${stale === null ? '' : `. ${stale}`}`;
    return (
      <NodeCard
        box={box}
        label={label}
        tone={leaks > 0 ? 'hot' : 'normal'}
        selected={selected}
        onSelect={select}
        cardRef={cardRef}
      >
        <span className="node-title fit-shrink">CDN</span>
        <span className="node-line small">edge cache</span>
        {leaks > 0 && <span className="badge hot">{formatCount(leaks)} leaked</span>}
        {stale !== null && <StaleServedBadge served={staleServed} tier="CDN" countClass="fit-long" />}
      </NodeCard>
    );
  }
  return (
    <NodeCard
      box={box}
      label={`Load balancer, ${optionLabel('topology.loadBalancer', lb).toLowerCase()}`}
      tone="normal"
      selected={selected}
      onSelect={select}
      cardRef={cardRef}
    >
      <span className="node-title fit-shrink">Load balancer</span>
      <span className="node-line small">{optionLabel('topology.loadBalancer', lb).toLowerCase()}</span>
    </NodeCard>
  );
}
