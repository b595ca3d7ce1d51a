import type { NodeBox, StageLayout } from '../../render/layout.ts';

const CAPTIONS: Partial<Record<NodeBox['kind'], string>> = {
  app: 'App instances (each with its L1)',
  redis: 'Redis cluster (L2)',
};

/** Column captions above the multi-card columns, where individual cards may be too small to say it. */
export function StageCaptions({ layout }: { layout: StageLayout }) {
  const seen = new Set<string>();
  return (
    <>
      {layout.nodes.map((n) => {
        const caption = CAPTIONS[n.kind];
        if (!caption || seen.has(n.kind)) return null;
        seen.add(n.kind);
        const top = Math.min(...layout.nodes.filter((m) => m.kind === n.kind).map((m) => m.y));
        return (
          <span key={n.kind} className="stage-caption" style={{ left: n.x, top: Math.max(0, top - 22) }}>
            {caption}
          </span>
        );
      })}
    </>
  );
}
