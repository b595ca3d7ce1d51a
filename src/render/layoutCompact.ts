import {
  finishLayout,
  PAD,
  stageNodeIds,
  type LayoutInput,
  type NodeBox,
  type StageLayout,
} from './layoutBox.ts';

/**
 * The compact stage, for small frames (an embed under COMPACT_BELOW px wide): one large node per tier,
 * left to right, each with one figure, and the requests flowing between them. Every node of a tier
 * (the instances, the shards) takes its tier's box, so the painter draws the same particles as on the
 * full stage between the tiers, with the same node indices (stageNodeIds).
 */

/**
 * A stage column narrower than this shows the compact stage: a frame under about 640 px wide (the
 * column is the frame less its margins), or a wider one with a panel beside the stage.
 */
export const COMPACT_BELOW = 600;

export type TierKind = 'client' | 'cdn' | 'app' | 'redis' | 'db';

export interface TierBox {
  kind: TierKind;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Room between tiers for the requests to travel visibly, as a share of the width. */
const FLOW_SHARE = 0.05;
/** Narrowest a tier node may get and keep its words on one line; a CDN tier folds into the clients' first. */
export const MIN_TIER_W = 64;
/** Tallest a tier node gets: name, figure and unit, with air. */
const MAX_H = 96;

/** The tier a stage node belongs to: the load balancer sits with the clients, CDC with the database. */
function tierOf(id: string, cdn: boolean): TierKind {
  if (id === 'lb' || id === 'client') return 'client';
  if (id === 'cdn') return cdn ? 'cdn' : 'client';
  if (id.startsWith('app-')) return 'app';
  if (id.startsWith('redis-')) return 'redis';
  return 'db';
}

/**
 * The tiers' boxes and a layout whose every node sits in its tier's box.
 *
 * @example
 * computeCompactLayout({ instances: 4, shards: 3, cdn: false, width: 348, height: 90 }).tiers.length; // 4
 */
export function computeCompactLayout(input: LayoutInput): { layout: StageLayout; tiers: TierBox[] } {
  const { width, height } = input;
  const pad = Math.min(PAD, width * 0.02);
  const gap = Math.max(12, width * FLOW_SHARE);
  const across = (n: number) => (width - 2 * pad - (n - 1) * gap) / n;
  const cdn = input.cdn && across(5) >= MIN_TIER_W;
  const kinds: TierKind[] = ['client', ...(cdn ? (['cdn'] as const) : []), 'app', 'redis', 'db'];
  const w = across(kinds.length);
  const h = Math.max(0, Math.min(MAX_H, height - 2 * pad));
  const y = (height - h) / 2;
  const tiers = kinds.map((kind, i) => ({ kind, x: pad + i * (w + gap), y, w, h }));
  const byKind = new Map(tiers.map((t) => [t.kind, t]));
  const nodes: NodeBox[] = stageNodeIds(input).map((id) => {
    const t = byKind.get(tierOf(id, cdn))!;
    const [kind, index] = id.includes('-') ? id.split('-') : [id, '0'];
    return { id, kind: kind as NodeBox['kind'], index: Number(index), x: t.x, y: t.y, w: t.w, h: t.h };
  });
  const layout = finishLayout(width, height, nodes, {
    compactApps: true,
    compactShards: true,
    vertical: false,
    shardTiles: null,
  });
  return { layout, tiers };
}
