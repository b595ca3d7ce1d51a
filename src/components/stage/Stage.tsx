import { useEffect, useMemo, useRef, type CSSProperties, type MouseEvent } from 'react';
import type { EngineSession } from '../../runtime/session.ts';
import { computeLayout } from '../../render/layout.ts';
import { stageScale } from '../../render/stageScale.ts';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore.ts';
import { CdcNode } from './CdcNode.tsx';
import { DbNode } from './DbNode.tsx';
import { EdgeNode } from './EdgeNode.tsx';
import { InstanceNode } from './InstanceNode.tsx';
import { ParticleCanvas, type PickRequest } from './ParticleCanvas.tsx';
import { ShardNode } from './ShardNode.tsx';
import { ShardTile } from './ShardTile.tsx';
import { ShardTilesCaption } from './ShardTilesCaption.tsx';
import { StageCaptions } from './StageCaptions.tsx';
import { StageStatus } from './StageStatus.tsx';
import { useElementSize } from './useElementSize.ts';
import { useInForce } from './inForce.ts';
import { useStageHandle } from './stageHandle.ts';

/**
 * The topology, left to right, sized from the running scenario: React renders the few dozen node cards,
 * the canvas under them draws the requests travelling between them. `run` names it when two are shown.
 * A large box draws the whole picture larger (stageScale): laid out at `1/k` of the area, then scaled.
 */
export function Stage({ session, run }: { session: EngineSession; run?: 'A' | 'B' }) {
  const ref = useRef<HTMLDivElement>(null);
  const zoomRef = useRef<HTMLDivElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const handle = useStageHandle();
  const pickRef = useRef<PickRequest | null>(null);
  const store = useAppStoreApi();
  const size = useElementSize(ref, { width: 900, height: 420 });
  const frame = useElementSize(sectionRef, { width: 900, height: 454 });
  useEffect(() => {
    handle?.setArea(zoomRef.current);
    return () => handle?.setArea(null);
  }, [handle]);
  const instances = useAppStore((s) => s.applied.topology.instances);
  const shards = useAppStore((s) => s.applied.topology.redisShards);
  const cdn = useAppStore((s) => s.applied.topology.cdn);
  const cdc = useInForce<string>('cache.strategy') === 'cdc';
  // What a shard's fill bar measures (as ShardNode decides): memory, the key limit, or keys cached.
  const maxMemory = useInForce<number | null>('cache.l2.maxMemoryBytes');
  const maxKeys = useInForce<number | null>('cache.l2.maxKeys');
  const gauge = maxMemory !== null ? 'memory' : maxKeys !== null ? 'key limit' : 'keys cached';
  const scale = stageScale(frame.width, frame.height);
  const { layout, k } = useMemo(() => {
    const at = (k: number) =>
      computeLayout({ instances, shards, cdn, cdc, width: size.width / k, height: size.height / k });
    const scaled = at(scale);
    // Too crowded to run left to right even when laid out smaller: as the box is, top to bottom.
    return scaled.vertical && scale > 1 ? { layout: at(1), k: 1 } : { layout: scaled, k: scale };
  }, [instances, shards, cdn, cdc, size.width, size.height, scale]);
  // A click between the cards picks the nearest travelling request (the recent list in the inspector
  // is the keyboard route to the same waterfall).
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    const rect = e.currentTarget.getBoundingClientRect();
    // A scaled stage (a large box, or a scaled embed) is drawn at another size than its layout: clicks
    // go back to layout pixels.
    const k = rect.width / e.currentTarget.offsetWidth || 1;
    const id = pickRef.current?.((e.clientX - rect.left) / k, (e.clientY - rect.top) / k) ?? null;
    if (id !== null) store.getState().select({ kind: 'request', requestId: id });
  };
  return (
    <section
      className="stage"
      ref={sectionRef}
      style={{ '--stage-k': k } as CSSProperties}
      aria-label={`${run ? `Run ${run}: topology` : 'Topology'}: requests flow from the clients to the database`}
    >
      <div
        className={`stage-area${layout.vertical ? ' vertical' : ''}`}
        ref={ref}
        data-stage-scale={k.toFixed(3)}
        style={layout.vertical ? { height: layout.height } : undefined}
      >
        <div
          className="stage-zoom"
          ref={zoomRef}
          onClick={onClick}
          title="Click a travelling request to see its waterfall in the inspector"
          style={{
            width: layout.width,
            height: layout.height,
            transform: k > 1 ? `scale(${k})` : undefined,
          }}
        >
          <StageCaptions layout={layout} gauge={gauge} />
          {layout.nodes.map((box) => {
            switch (box.kind) {
              case 'app':
                return <InstanceNode key={box.id} box={box} compact={layout.compactApps} />;
              case 'redis':
                return layout.shardTiles !== null ? (
                  <ShardTile key={box.id} box={box} shards={shards} />
                ) : (
                  <ShardNode key={box.id} box={box} compact={layout.compactShards} />
                );
              case 'db':
                return <DbNode key={box.id} box={box} />;
              case 'cdc':
                return <CdcNode key={box.id} box={box} />;
              default:
                return <EdgeNode key={box.id} box={box} />;
            }
          })}
          {layout.shardTiles !== null && <ShardTilesCaption at={layout.shardTiles} />}
          <ParticleCanvas session={session} layout={layout} scale={k} pickRef={pickRef} />
        </div>
      </div>
      <StageStatus />
    </section>
  );
}
