/** The stage layout for many shards: square tiles in the Redis column, inside the stage, never overlapping. */
import { describe, expect, it } from 'vitest';
import { computeLayout, MAX_SHARD_CARDS } from '../../src/render/layout.ts';

describe('shard tiles', () => {
  it.each([
    [MAX_SHARD_CARDS, 860],
    [MAX_SHARD_CARDS + 1, 860],
    [64, 860],
    [128, 860],
    [128, 600],
    [128, 1600],
  ])('%i shards on an %i px wide stage', (shards, width) => {
    for (const cdn of [false, true]) {
      const height = 420;
      const layout = computeLayout({ instances: 4, shards, cdn, width, height });
      const tiles = layout.nodes.filter((n) => n.kind === 'redis');
      expect(tiles).toHaveLength(shards);
      if (shards <= MAX_SHARD_CARDS) {
        expect(layout.shardTiles).toBeNull();
        continue;
      }
      const caption = layout.shardTiles!;
      for (const [i, t] of tiles.entries()) {
        expect(t.w).toBe(t.h);
        // A clickable square (16 px and more) on a laptop's stage; still a tinted square on a tablet's.
        expect(t.w).toBeGreaterThanOrEqual(width >= 800 ? 16 : 8);
        expect(t.x).toBeGreaterThanOrEqual(0);
        expect(t.x + t.w).toBeLessThanOrEqual(width);
        expect(t.y + t.h).toBeLessThan(caption.y);
        for (const o of tiles.slice(i + 1)) {
          const apart = o.x >= t.x + t.w || t.x >= o.x + o.w || o.y >= t.y + t.h || t.y >= o.y + o.h;
          expect(apart).toBe(true);
        }
      }
      // The caption's three lines fit inside the stage.
      expect(caption.y + 56).toBeLessThanOrEqual(height - 12);
      // Tiles keep out of their neighbours' columns.
      const apps = layout.nodes.filter((n) => n.kind === 'app');
      const db = layout.nodes.find((n) => n.kind === 'db')!;
      const left = Math.min(...tiles.map((t) => t.x));
      const right = Math.max(...tiles.map((t) => t.x + t.w));
      expect(left).toBeGreaterThan(Math.max(...apps.map((a) => a.x + a.w)));
      expect(right).toBeLessThan(db.x);
    }
  });

  it.each([64, 128])(
    '%i shards on a laptop stage made short by a two-row header: tiles stay 16 px and more',
    (shards) => {
      // 852x302 is the stage at 1280x720 when the header wraps; the Redis column takes room from the others.
      const layout = computeLayout({ instances: 4, shards, cdn: false, width: 852, height: 302 });
      expect(layout.vertical).toBe(false);
      const tiles = layout.nodes.filter((n) => n.kind === 'redis');
      expect(Math.min(...tiles.map((t) => t.w))).toBeGreaterThanOrEqual(16);
      // The cards that gave room still read: instances and the database keep their floors.
      expect(layout.nodes.find((n) => n.kind === 'app')!.w).toBeGreaterThanOrEqual(96 - 0.01);
      expect(layout.nodes.find((n) => n.kind === 'db')!.w).toBeGreaterThanOrEqual(112 - 0.01);
    },
  );
});
