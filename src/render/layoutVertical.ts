import { finishLayout, GAP, PAD, type LayoutInput, type NodeBox, type StageLayout } from './layoutBox.ts';

/**
 * The stage on a narrow screen (a phone held upright): the same topology from top to bottom, one row
 * per tier, so every card keeps a readable width. Many instances or shards wrap into a grid of compact
 * cards. The height is what the rows need; the page scrolls, the stage does not squeeze.
 */

/** Room between rows for the requests to travel visibly, and above a tier for its caption. */
const ROW_GAP = 34;
const CAPTION = 22;
const SINGLE_H = 84;
const DB_H = 96;
/** Narrowest card of a tier; fewer fit a row, the tier wraps. */
const MIN_CARD_W = 96;

function row(
  kinds: { id: string; kind: NodeBox['kind']; index: number }[],
  y: number,
  width: number,
  h: number,
): NodeBox[] {
  const w = (width - 2 * PAD - (kinds.length - 1) * GAP) / kinds.length;
  return kinds.map((k, i) => ({ ...k, x: PAD + i * (w + GAP), y, w, h }));
}

/** A tier of `count` cards (instances or shards) in as few rows as fit; returns the boxes and its height. */
function tier(
  kind: 'app' | 'redis',
  count: number,
  y: number,
  width: number,
): { boxes: NodeBox[]; h: number } {
  const usable = width - 2 * PAD;
  const cols = Math.max(1, Math.min(count, Math.floor((usable + GAP) / (MIN_CARD_W + GAP))));
  const rows = Math.ceil(count / cols);
  const w = (usable - (cols - 1) * GAP) / cols;
  // Fewer cards get taller, fuller cards; a grid of many gets compact ones.
  const h = rows === 1 ? (kind === 'app' ? 60 : 78) : 46;
  const boxes: NodeBox[] = [];
  for (let i = 0; i < count; i++) {
    const r = Math.floor(i / cols);
    const c = i % cols;
    boxes.push({ id: `${kind}-${i}`, kind, index: i, x: PAD + c * (w + GAP), y: y + r * (h + GAP), w, h });
  }
  return { boxes, h: rows * h + (rows - 1) * GAP };
}

export function computeVerticalLayout(input: LayoutInput): StageLayout {
  const { instances, shards, cdn, cdc = false, width } = input;
  const nodes: NodeBox[] = [];
  let y = PAD;
  const edge = [
    { id: 'client', kind: 'client' as const, index: 0 },
    ...(cdn ? [{ id: 'cdn', kind: 'cdn' as const, index: 0 }] : []),
    { id: 'lb', kind: 'lb' as const, index: 0 },
  ];
  nodes.push(...row(edge, y, width, SINGLE_H));
  y += SINGLE_H + ROW_GAP + CAPTION;
  const apps = tier('app', instances, y, width);
  nodes.push(...apps.boxes);
  y += apps.h + ROW_GAP + CAPTION;
  const redis = tier('redis', shards, y, width);
  nodes.push(...redis.boxes);
  y += redis.h + ROW_GAP;
  const bottom = [
    { id: 'db', kind: 'db' as const, index: 0 },
    ...(cdc ? [{ id: 'cdc', kind: 'cdc' as const, index: 0 }] : []),
  ];
  nodes.push(...row(bottom, y, width, DB_H));
  y += DB_H + PAD;
  const small = (k: NodeBox['kind'], minW: number) =>
    nodes.some((n) => n.kind === k && (n.h < 60 || n.w < minW));
  return finishLayout(width, y, nodes, {
    compactApps: small('app', 90),
    compactShards: small('redis', 120),
    vertical: true,
    shardTiles: null,
  });
}
