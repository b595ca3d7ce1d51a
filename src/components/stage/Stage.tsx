import { useMemo, useRef } from 'react';
import type { Driver } from '../../runtime/driver.ts';
import { computeLayout } from '../../render/layout.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { CdcNode } from './CdcNode.tsx';
import { DbNode } from './DbNode.tsx';
import { EdgeNode } from './EdgeNode.tsx';
import { InstanceNode } from './InstanceNode.tsx';
import { ParticleCanvas } from './ParticleCanvas.tsx';
import { ShardNode } from './ShardNode.tsx';
import { StageCaptions } from './StageCaptions.tsx';
import { StageStatus } from './StageStatus.tsx';
import { useElementSize } from './useElementSize.ts';

/**
 * The topology, left to right, sized from the running scenario: React renders the few dozen node cards,
 * the canvas on top draws the requests travelling between them.
 */
export function Stage({ driver }: { driver: Driver }) {
  const ref = useRef<HTMLDivElement>(null);
  const size = useElementSize(ref, { width: 900, height: 420 });
  const instances = useAppStore((s) => s.applied.topology.instances);
  const shards = useAppStore((s) => s.applied.topology.redisShards);
  const cdn = useAppStore((s) => s.applied.topology.cdn);
  const cdc = useAppStore((s) => s.applied.cache.strategy === 'cdc');
  const layout = useMemo(
    () => computeLayout({ instances, shards, cdn, cdc, width: size.width, height: size.height }),
    [instances, shards, cdn, cdc, size.width, size.height],
  );
  return (
    <div
      className="stage"
      ref={ref}
      role="region"
      aria-label="Topology: requests flow from clients on the left to the database on the right"
    >
      <StageCaptions layout={layout} />
      {layout.nodes.map((box) => {
        switch (box.kind) {
          case 'app':
            return <InstanceNode key={box.id} box={box} compact={layout.compactApps} />;
          case 'redis':
            return <ShardNode key={box.id} box={box} compact={layout.compactShards} />;
          case 'db':
            return <DbNode key={box.id} box={box} />;
          case 'cdc':
            return <CdcNode key={box.id} box={box} />;
          default:
            return <EdgeNode key={box.id} box={box} />;
        }
      })}
      <ParticleCanvas driver={driver} layout={layout} />
      <StageStatus />
    </div>
  );
}
