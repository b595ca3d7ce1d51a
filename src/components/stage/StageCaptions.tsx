import type { NodeBox, StageLayout } from '../../render/layout.ts';

/** Long and short forms: the short one when the column is too narrow for the long one. */
const CAPTIONS: Partial<Record<NodeBox['kind'], [string, string]>> = {
  app: ['App instances + L1', 'Apps + L1'],
  redis: ['Redis cluster (L2)', 'Redis (L2)'],
};
/** Roughly the caption font's width per character, and the caption's padding, in px. */
const CHAR_PX = 8.5;
const PADDING_PX = 10;

/**
 * Column captions above the multi-card columns, where individual cards may be too small to say it.
 * `gauge` names what the shards' fill bars measure, said here when the cards are too small to.
 */
export function StageCaptions({ layout, gauge }: { layout: StageLayout; gauge: string }) {
  const seen = new Set<string>();
  return (
    <>
      {layout.nodes.map((n) => {
        const captions = CAPTIONS[n.kind];
        if (!captions || seen.has(n.kind)) return null;
        seen.add(n.kind);
        const column = layout.nodes.filter((m) => m.kind === n.kind);
        const top = Math.min(...column.map((m) => m.y));
        const right = Math.max(...column.map((m) => m.x + m.w));
        const note = n.kind === 'redis' && layout.compactShards ? ` · bar: ${gauge}` : '';
        const [long, short] = captions;
        const fits = (text: string) => text.length * CHAR_PX + PADDING_PX <= right - n.x;
        const caption = [long + note, short + note, short].find(fits) ?? short;
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
