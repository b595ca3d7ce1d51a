import type { NodeBox, StageLayout } from '../../render/layout.ts';

const CAPTIONS: Partial<Record<NodeBox['kind'], string>> = {
  app: 'App instances + L1',
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
        const column = layout.nodes.filter((m) => m.kind === n.kind);
        const top = Math.min(...column.map((m) => m.y));
        const right = Math.max(...column.map((m) => m.x + m.w));
        return (
          <span
            key={n.kind}
            className="stage-caption"
            style={{ left: n.x, top: Math.max(0, top - 22), maxWidth: right - n.x }}
          >
            {caption}
          </span>
        );
      })}
    </>
  );
}
