import { describe, expect, it } from 'vitest';
import { computeLayout, stageNodeIds, VERTICAL_BELOW, type NodeBox } from '../../src/render/layout.ts';

const overlap = (a: NodeBox, b: NodeBox) =>
  Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.5 &&
  Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0.5;

describe('the stage layout at every width', () => {
  const topologies = [
    { instances: 1, shards: 1, cdn: false, cdc: false },
    { instances: 4, shards: 3, cdn: true, cdc: false },
    { instances: 20, shards: 3, cdn: false, cdc: true },
    { instances: 32, shards: 16, cdn: true, cdc: true },
  ];
  const sizes = [
    [336, 600],
    [746, 480],
    [690, 360],
    [850, 360],
    [1400, 700],
  ] as const;
  it.each(sizes)('%i x %i: every card inside the stage, no two overlapping', (width, height) => {
    for (const t of topologies) {
      const l = computeLayout({ ...t, width, height });
      if (width < VERTICAL_BELOW) expect(l.vertical).toBe(true);
      expect(l.nodes).toHaveLength(3 + t.instances + t.shards + (t.cdn ? 1 : 0) + (t.cdc ? 1 : 0));
      for (const n of l.nodes) {
        expect(n.x).toBeGreaterThanOrEqual(0);
        expect(n.x + n.w).toBeLessThanOrEqual(width + 0.01);
        expect(n.y).toBeGreaterThanOrEqual(0);
        expect(n.y + n.h).toBeLessThanOrEqual(l.height + 0.01);
        expect(n.w).toBeGreaterThan(40);
        expect(n.h).toBeGreaterThanOrEqual(28);
      }
      l.nodes.forEach((a, i) =>
        l.nodes.slice(i + 1).forEach((b) => expect(overlap(a, b), `${a.id} ${b.id}`).toBe(false)),
      );
    }
  });

  it('stays left to right for the usual topologies on a tablet or a laptop', () => {
    expect(computeLayout({ instances: 4, shards: 16, cdn: false, width: 690, height: 360 }).vertical).toBe(
      false,
    );
    expect(computeLayout({ instances: 10, shards: 3, cdn: true, width: 746, height: 480 }).vertical).toBe(
      false,
    );
  });

  it('runs top to bottom on a phone, taking the height its rows need', () => {
    const l = computeLayout({ instances: 4, shards: 16, cdn: false, width: 336, height: 100 });
    const y = (id: string) => l.nodes.find((n) => n.id === id)!.y;
    expect(y('client')).toBeLessThan(y('app-0'));
    expect(y('app-3')).toBeLessThan(y('redis-0'));
    expect(y('redis-15')).toBeLessThan(y('db'));
    expect(l.height).toBeGreaterThan(500);
  });

  it('orders its nodes as stageNodeIds does in both layouts, so particle indices mean the same everywhere', () => {
    for (const t of topologies) {
      for (const [width, height] of sizes) {
        const layout = computeLayout({ ...t, width, height });
        const ids = stageNodeIds(t);
        expect(layout.nodes.map((n) => n.id)).toEqual(ids);
        ids.forEach((id, i) => expect(layout.indexOf.get(id)).toBe(i));
      }
    }
  });
});
