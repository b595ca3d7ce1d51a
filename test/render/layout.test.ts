import { describe, expect, it } from 'vitest';
import { computeLayout, stageNodeIds } from '../../src/render/layout.ts';

describe('stage layout', () => {
  it('orders its nodes as stageNodeIds does, so particle indices mean the same on both sides', () => {
    for (const cdn of [false, true]) {
      for (const cdc of [false, true]) {
        for (const [instances, shards] of [
          [1, 1],
          [4, 3],
          [32, 16],
        ] as const) {
          const layout = computeLayout({ instances, shards, cdn, cdc, width: 1000, height: 500 });
          const ids = stageNodeIds({ instances, shards, cdn, cdc });
          expect(layout.nodes.map((n) => n.id)).toEqual(ids);
          ids.forEach((id, i) => expect(layout.indexOf.get(id)).toBe(i));
        }
      }
    }
  });
});
