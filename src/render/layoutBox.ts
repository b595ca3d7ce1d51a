/**
 * Where each node sits on the stage, in CSS pixels. Pure so React (the node cards) and the canvas
 * (particle end points) agree on positions without sharing mutable state.
 */
export interface NodeBox {
  id: string;
  kind: 'client' | 'cdn' | 'lb' | 'app' | 'redis' | 'db' | 'cdc';
  /** Instance or shard number; 0 for singletons. */
  index: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface StageLayout {
  width: number;
  height: number;
  nodes: NodeBox[];
  /** Node id to position in `nodes` (and in the arrays below). */
  indexOf: Map<string, number>;
  left: Float32Array;
  right: Float32Array;
  top: Float32Array;
  bottom: Float32Array;
  cy: Float32Array;
  /** True when cards are too small for their full detail. */
  compactApps: boolean;
  compactShards: boolean;
  /** Top to bottom (narrow screens): `height` is then what the cards need, not what was given. */
  vertical: boolean;
  /**
   * More than MAX_SHARD_CARDS shards, left to right: they are drawn as a grid of small square tiles, with
   * a caption under the grid (this box) naming the busiest one. Null when shards are cards.
   */
  shardTiles: { x: number; y: number; w: number } | null;
}

export interface LayoutInput {
  instances: number;
  shards: number;
  cdn: boolean;
  /** The CDC pipeline (binlog, broker, consumer), drawn under the database. */
  cdc?: boolean;
  width: number;
  height: number;
}

/**
 * The stage's nodes in layout order (edge, apps, shards, database, CDC), the same in both layouts: it is
 * also the index a particle's end points use, so the engine's worker numbers nodes with it without
 * knowing the layout.
 */
export function stageNodeIds(t: Pick<LayoutInput, 'instances' | 'shards' | 'cdn' | 'cdc'>): string[] {
  return [
    'client',
    ...(t.cdn ? ['cdn'] : []),
    'lb',
    ...Array.from({ length: t.instances }, (_, i) => `app-${i}`),
    ...Array.from({ length: t.shards }, (_, i) => `redis-${i}`),
    'db',
    ...(t.cdc ? ['cdc'] : []),
  ];
}

export const GAP = 8;
export const PAD = 12;

/** The lookup arrays the painter reads, from the placed cards. */
export function finishLayout(
  width: number,
  height: number,
  nodes: NodeBox[],
  flags: Pick<StageLayout, 'compactApps' | 'compactShards' | 'vertical' | 'shardTiles'>,
): StageLayout {
  const indexOf = new Map<string, number>();
  const left = new Float32Array(nodes.length);
  const right = new Float32Array(nodes.length);
  const top = new Float32Array(nodes.length);
  const bottom = new Float32Array(nodes.length);
  const cy = new Float32Array(nodes.length);
  nodes.forEach((n, i) => {
    indexOf.set(n.id, i);
    left[i] = n.x;
    right[i] = n.x + n.w;
    top[i] = n.y;
    bottom[i] = n.y + n.h;
    cy[i] = n.y + n.h / 2;
  });
  return { width, height, nodes, indexOf, left, right, top, bottom, cy, ...flags };
}
