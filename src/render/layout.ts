/** The stage left to right (the usual case), and the switch to top to bottom on narrow screens. */
import { finishLayout, GAP, PAD, type LayoutInput, type NodeBox, type StageLayout } from './layoutBox.ts';
import { computeVerticalLayout } from './layoutVertical.ts';

export type { LayoutInput, NodeBox, StageLayout };
export { stageNodeIds } from './layoutBox.ts';

/** Room above the cards for the column captions. */
const PAD_TOP = 30;
/** The status line sits under the stage, outside it: a small margin is enough. */
const PAD_BOTTOM = 12;
/** Narrower than this, the stage runs top to bottom (see layoutVertical.ts). */
export const VERTICAL_BELOW = 560;
/**
 * Narrowest a singleton card may get and keep its text inside: "4,000/s" on the clients, a wrapped
 * "Load balancer", "pool: 10/10 busy" on the database.
 */
const MIN_SINGLE_W: Partial<Record<NodeBox['kind'], number>> = { client: 84, cdn: 80, lb: 88, db: 112 };

/**
 * Widths in proportion to the weights, except that singleton columns get their MIN_SINGLE_W,
 * taken from the multi-card columns, which can wrap their cards further.
 */
function columnWidths(cols: readonly { kind: NodeBox['kind']; weight: number }[], usable: number): number[] {
  const total = cols.reduce((s, c) => s + c.weight, 0);
  const raw = cols.map((c) => (usable * c.weight) / total);
  const multi = (k: NodeBox['kind']) => k === 'app' || k === 'redis';
  let deficit = 0;
  const out = raw.map((w, i) => {
    const min = MIN_SINGLE_W[cols[i]!.kind] ?? 0;
    if (multi(cols[i]!.kind) || w >= min) return w;
    deficit += min - w;
    return min;
  });
  const multiTotal = raw.reduce((s, w, i) => (multi(cols[i]!.kind) ? s + w : s), 0);
  return out.map((w, i) => (multi(cols[i]!.kind) && multiTotal > 0 ? w - (deficit * w) / multiTotal : w));
}

/** Stacks `count` cards in a column region, wrapping into sub-columns so cards stay readable. */
function grid(
  count: number,
  x: number,
  width: number,
  height: number,
  minCardH: number,
  maxCardH: number,
): { x: number; y: number; w: number; h: number }[] {
  const maxRows = Math.max(1, Math.floor((height + GAP) / (minCardH + GAP)));
  const cols = Math.ceil(count / maxRows);
  const rows = Math.ceil(count / cols);
  const w = (width - (cols - 1) * GAP) / cols;
  const h = Math.min(maxCardH, (height - (rows - 1) * GAP) / rows);
  const top = PAD_TOP + (height - (rows * h + (rows - 1) * GAP)) / 2;
  const out: { x: number; y: number; w: number; h: number }[] = [];
  for (let i = 0; i < count; i++) {
    const c = Math.floor(i / rows);
    const r = i % rows;
    out.push({ x: x + c * (w + GAP), y: top + r * (h + GAP), w, h });
  }
  return out;
}

/**
 * Where every card goes: left to right in columns, or top to bottom in rows on a narrow stage (or
 * when the columns would squeeze cards below a readable width).
 *
 * @example
 * computeLayout({ instances: 4, shards: 3, cdn: false, width: 900, height: 420 }).nodes.length; // 9
 */
export function computeLayout(input: LayoutInput): StageLayout {
  if (input.width < VERTICAL_BELOW) return computeVerticalLayout(input);
  const wide = computeHorizontalLayout(input);
  // Too many cards for the width (32 instances on a tablet): rows read better than slivers. (Shard tiles
  // are small by design.)
  const sliver = wide.nodes.some((n) => n.w < MIN_CARD_W && !(n.kind === 'redis' && wide.shardTiles));
  return sliver ? computeVerticalLayout(input) : wide;
}

/** Narrower than this a card cannot show even its number. */
const MIN_CARD_W = 44;

/** Up to this many shards are cards (two sub-columns of eight); more are tiles. */
export const MAX_SHARD_CARDS = 16;
/** Room under the tile grid for the caption naming the busiest shard (three lines). */
const TILE_CAPTION_H = 62;
const TILE_GAP = 3;

/**
 * Square tiles for `count` shards in a region, as large as fit: tries every column count and keeps the
 * one giving the biggest tiles, centred horizontally, from the region's top.
 */
function tileGrid(count: number, x: number, y: number, width: number, height: number) {
  let best = { cols: 1, size: 0 };
  for (let cols = 1; cols <= count; cols++) {
    const rows = Math.ceil(count / cols);
    const size = Math.min((width - (cols - 1) * TILE_GAP) / cols, (height - (rows - 1) * TILE_GAP) / rows);
    if (size > best.size) best = { cols, size: Math.floor(size) };
  }
  const { cols, size } = best;
  const rows = Math.ceil(count / cols);
  const left = x + (width - (cols * size + (cols - 1) * TILE_GAP)) / 2;
  const cells = Array.from({ length: count }, (_, i) => ({
    x: left + (i % cols) * (size + TILE_GAP),
    y: y + Math.floor(i / cols) * (size + TILE_GAP),
    w: size,
    h: size,
  }));
  return { cells, bottom: y + rows * size + (rows - 1) * TILE_GAP };
}

function computeHorizontalLayout(input: LayoutInput): StageLayout {
  const { instances, shards, cdn, cdc = false, width, height } = input;
  const tiles = shards > MAX_SHARD_CARDS;
  // Column weights: singletons need room for their numbers; the app and Redis columns widen when their
  // cards wrap into several sub-columns (tiles keep one width however many there are).
  const appCols = Math.ceil(instances / 8);
  const shardCols = Math.ceil(shards / 8);
  const cols: { kind: NodeBox['kind']; weight: number }[] = [
    { kind: 'client', weight: 1.1 },
    ...(cdn ? [{ kind: 'cdn' as const, weight: 1.05 }] : []),
    { kind: 'lb', weight: 1.05 },
    { kind: 'app', weight: (cdn ? 1.4 : 1.6) + 0.6 * (appCols - 1) },
    { kind: 'redis', weight: tiles ? (cdn ? 2.3 : 2.5) : (cdn ? 1.7 : 1.9) + 0.9 * (shardCols - 1) },
    { kind: 'db', weight: 1.55 },
  ];
  // Wide gaps between columns leave room for the particles to travel visibly.
  // Narrower stages keep more of their width for the cards.
  const colGap = Math.max(14, width * (cdn ? 0.028 : width < 800 ? 0.026 : 0.04));
  const usable = width - 2 * PAD - colGap * (cols.length - 1);
  // Room at the bottom for the stage's status line, so it never covers the last row of cards.
  const innerH = height - PAD_TOP - PAD_BOTTOM;
  const widths = columnWidths(cols, usable);
  const nodes: NodeBox[] = [];
  let x = PAD;
  let compactApps = false;
  let compactShards = false;
  let shardTiles: StageLayout['shardTiles'] = null;
  cols.forEach((col, ci) => {
    const w = widths[ci]!;
    if (col.kind === 'redis' && tiles) {
      const grid = tileGrid(shards, x, PAD_TOP, w, innerH - TILE_CAPTION_H);
      grid.cells.forEach((c, i) => nodes.push({ id: `redis-${i}`, kind: 'redis', index: i, ...c }));
      shardTiles = { x, y: grid.bottom + 6, w };
      compactShards = true;
    } else if (col.kind === 'app' || col.kind === 'redis') {
      const n = col.kind === 'app' ? instances : shards;
      // At most 8 rows: up to 32 instances become 4 sub-columns, 16 shards 2.
      const minH = (innerH - 7 * GAP) / 8 - 0.01;
      const cells = grid(n, x, w, innerH, minH, col.kind === 'app' ? 96 : 120);
      const small = cells.some(
        (c) => c.h < (col.kind === 'app' ? 60 : 86) || c.w < (col.kind === 'app' ? 90 : 120),
      );
      if (col.kind === 'app') compactApps = small;
      else compactShards = small;
      cells.forEach((c, i) =>
        nodes.push({ id: `${col.kind === 'app' ? 'app' : 'redis'}-${i}`, kind: col.kind, index: i, ...c }),
      );
    } else if (col.kind === 'db' && cdc) {
      // The database on top, the CDC pipeline it feeds below it: change events flow down, then left.
      const cdcH = Math.min(100, innerH * 0.3);
      const dbH = Math.min(240, innerH - cdcH - 3 * GAP);
      const top = PAD_TOP + (innerH - dbH - cdcH - 3 * GAP) / 2;
      nodes.push({ id: 'db', kind: 'db', index: 0, x, y: top, w, h: dbH });
      nodes.push({ id: 'cdc', kind: 'cdc', index: 0, x, y: top + dbH + 3 * GAP, w, h: cdcH });
    } else {
      const h = col.kind === 'db' ? Math.min(innerH, 260) : Math.min(innerH, 110);
      nodes.push({ id: col.kind, kind: col.kind, index: 0, x, y: PAD_TOP + (innerH - h) / 2, w, h });
    }
    x += w + colGap;
  });
  return finishLayout(width, height, nodes, { compactApps, compactShards, vertical: false, shardTiles });
}
