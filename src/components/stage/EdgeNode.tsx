import type { NodeBox } from '../../render/layout.ts';
import { optionLabel } from '../../labels/options.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { formatCount } from '../format.ts';
import { NodeCard } from './NodeCard.tsx';
import { useSelectNode } from './useSelectNode.ts';

/** The current arrival rate: the last phase that has started, or the base rate. */
function currentRps(base: number, phases: readonly { atMs: number; rps: number }[], nowMs: number): number {
  let rps = base;
  for (const p of phases) if (p.atMs <= nowMs) rps = p.rps;
  return rps;
}

/** The left-hand singletons: clients, the CDN and the load balancer. */
export function EdgeNode({ box }: { box: NodeBox }) {
  const workload = useAppStore((s) => s.applied.workload);
  const lb = useAppStore((s) => s.applied.topology.loadBalancer);
  const nowMs = useAppStore((s) => s.nowMs);
  // Responses the edge gave to a user they were not made for (a personalised route cached in public).
  const leaks = useAppStore((s) => s.summary?.cdn.crossUserLeaks ?? 0);
  const [selected, select] = useSelectNode(box.id);
  if (box.kind === 'client') {
    const rps = currentRps(workload.rps, workload.phases, nowMs);
    return (
      <NodeCard
        box={box}
        label={`Clients: ${formatCount(rps)} requests per second`}
        tone="normal"
        selected={selected}
        onSelect={select}
      >
        <span className="node-title">Clients</span>
        <span className="node-line big">{formatCount(rps)}/s</span>
        <span className="node-line small">requests</span>
        <span className="node-line small">{Math.round(workload.readRatio * 100)} % reads</span>
      </NodeCard>
    );
  }
  if (box.kind === 'cdn') {
    const label = `CDN edge cache${leaks > 0 ? `, ${leaks} responses served to the wrong user` : ''}`;
    return (
      <NodeCard
        box={box}
        label={label}
        tone={leaks > 0 ? 'hot' : 'normal'}
        selected={selected}
        onSelect={select}
      >
        <span className="node-title">CDN</span>
        <span className="node-line small">edge cache</span>
        {leaks > 0 && <span className="badge hot">{formatCount(leaks)} leaked</span>}
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
    >
      <span className="node-title">Load balancer</span>
      <span className="node-line small">{optionLabel('topology.loadBalancer', lb).toLowerCase()}</span>
    </NodeCard>
  );
}
