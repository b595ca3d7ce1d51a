import { describe, expect, it } from 'vitest';
import { exportFileName, slug } from '../../src/export/fileName.ts';
import { presets } from '../../src/scenario/presets/index.ts';

describe('export file names', () => {
  it('are <preset id>-seed<seed>-<what>.<ext> for a preset', () => {
    expect(exportFileName({ presetId: 'stampede', title: 'Cache stampede', seed: 42 }, 'series', 'csv')).toBe(
      'stampede-seed42-series.csv',
    );
    // Every preset id is already a slug: its files carry the id unchanged.
    for (const p of presets) {
      expect(exportFileName({ presetId: p.id, title: p.title, seed: 1 }, 'stage', 'png')).toBe(
        `${p.id}-seed1-stage.png`,
      );
    }
  });

  it('use the slugged title when the scenario is no longer a preset', () => {
    const source = { presetId: null, title: 'Cache stampede: a hot key expires', seed: 7 };
    expect(exportFileName(source, 'chart-hit-ratio-per-layer', 'svg')).toBe(
      'cache-stampede-a-hot-key-expires-seed7-chart-hit-ratio-per-layer.svg',
    );
  });

  it('keep only safe characters, whatever the title holds', () => {
    expect(slug('Café — über «TTL» 50 %')).toBe('cafe-uber-ttl-50');
    expect(slug('../../etc/passwd')).toBe('etc-passwd');
    expect(slug('  --Hot   key--  ')).toBe('hot-key');
    expect(slug('???')).toBe('scenario');
    expect(slug('緩存')).toBe('scenario');
    expect(slug('x'.repeat(500))).toHaveLength(60);
    // Cut at the limit, a hyphen left at the end goes too.
    expect(slug(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
    const name = exportFileName(
      { presetId: null, title: 'a/b\\c:d*e?f"g<h>i|j', seed: 0 },
      'summary',
      'json',
    );
    expect(name).toBe('a-b-c-d-e-f-g-h-i-j-seed0-summary.json');
    expect(name).toMatch(/^[a-z0-9-]+\.json$/);
  });
});
