import { describe, expect, it } from 'vitest';
import { stageNodeIds } from '../../src/render/layout.ts';
import { computeCompactLayout, MIN_TIER_W } from '../../src/render/layoutCompact.ts';
import { STAGE_BAR_PX, STAGE_REF, stageScale } from '../../src/render/stageScale.ts';

describe('the compact stage', () => {
  const topologies = [
    { instances: 4, shards: 3, cdn: false, cdc: false },
    { instances: 32, shards: 128, cdn: true, cdc: true },
  ];
  it.each([
    [348, 84],
    [420, 160],
    [590, 300],
  ])(
    '%i x %i: one box per tier inside the stage, every node in its tier, in the particles’ order',
    (width, height) => {
      for (const t of topologies) {
        const { layout, tiers } = computeCompactLayout({ ...t, width, height });
        expect(layout.nodes.map((n) => n.id)).toEqual(stageNodeIds(t));
        for (const [i, a] of tiers.entries()) {
          expect(a.x).toBeGreaterThanOrEqual(0);
          expect(a.x + a.w).toBeLessThanOrEqual(width + 0.01);
          expect(a.y).toBeGreaterThanOrEqual(0);
          expect(a.y + a.h).toBeLessThanOrEqual(height + 0.01);
          expect(a.w).toBeGreaterThanOrEqual(MIN_TIER_W);
          // Room between neighbours for the requests to travel.
          if (i > 0) expect(a.x - (tiers[i - 1]!.x + tiers[i - 1]!.w)).toBeGreaterThanOrEqual(12);
        }
        const tierOf = (id: string) =>
          tiers.find((b) => b.x === layout.nodes[layout.indexOf.get(id)!]!.x)!.kind;
        expect(tierOf('app-0')).toBe('app');
        expect(tierOf(`redis-${t.shards - 1}`)).toBe('redis');
        expect(tierOf('lb')).toBe('client');
        if (t.cdc) expect(tierOf('cdc')).toBe('db');
      }
    },
  );

  it('folds the CDN into the clients’ tier when five tiers would be too narrow', () => {
    const t = { instances: 4, shards: 3, cdn: true };
    const narrow = computeCompactLayout({ ...t, width: 348, height: 90 }).tiers.map((b) => b.kind);
    expect(narrow).toEqual(['client', 'app', 'redis', 'db']);
    const wide = computeCompactLayout({ ...t, width: 590, height: 90 }).tiers.map((b) => b.kind);
    expect(wide).toEqual(['client', 'cdn', 'app', 'redis', 'db']);
  });
});

describe('the stage scale', () => {
  it('draws a box of the reference size or smaller as laid out, and a larger one in proportion', () => {
    const h = STAGE_REF.height + STAGE_BAR_PX;
    expect(stageScale(STAGE_REF.width, h)).toBe(1);
    expect(stageScale(STAGE_REF.width / 2, h / 2)).toBe(1);
    expect(stageScale(0, 0)).toBe(1);
    // The smaller of the two ratios: a wide, short box grows by its height.
    expect(stageScale(STAGE_REF.width * 3, h * 2)).toBeCloseTo(2, 10);
    expect(stageScale(STAGE_REF.width * 2, h * 3)).toBeCloseTo(2, 10);
  });
});
