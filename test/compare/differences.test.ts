import { describe, expect, it } from 'vitest';
import {
  differenceRows,
  formatDelta,
  formatFigure,
  SAME_RATIO_POINTS,
  SAME_RELATIVE,
} from '../../src/components/compare/differences.ts';
import type { Summary } from '../../src/engine/types.ts';
import { runScenario } from '../../src/engine/index.ts';
import { HEADLINE } from '../../src/report/headline.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';

describe('differenceRows', () => {
  const a = runScenario(getPreset('stampede')!, { durationMs: 12_000 });
  const b = runScenario(getPreset('stampede-lock')!, { durationMs: 12_000 });
  const rows = differenceRows(a, b);
  const row = (id: string) => rows.find((r) => r.id === id)!;

  it('has every headline figure, A, B and B − A from the two Summaries', () => {
    expect(rows.map((r) => r.label)).toEqual(HEADLINE.map((f) => f.label));
    for (const r of rows) {
      const f = HEADLINE.find((h) => h.id === r.id)!;
      expect(r.a).toBe(f.get(a));
      expect(r.b).toBe(f.get(b));
      expect(r.delta).toBe(r.b - r.a);
    }
    expect(row('dbReadsPerSec').a).toBe(a.db.reads / 12);
  });

  it('says the lock cuts database reads and p99 (B better), and calls requests neither', () => {
    expect(row('dbReadsPerSec').b).toBeLessThan(row('dbReadsPerSec').a);
    expect(row('dbReadsPerSec').verdict).toBe('better');
    expect(row('p99Ms').verdict).toBe('better');
    expect(row('requests').verdict).toBeNull();
    expect(row('lostWrites')).toMatchObject({ a: 0, b: 0, verdict: 'same', deltaText: '0' });
  });

  it('is the mirror image when A and B swap', () => {
    const swapped = differenceRows(b, a);
    for (const [i, r] of swapped.entries()) {
      expect(r.delta === -rows[i]!.delta).toBe(true);
      const flip = { better: 'worse', worse: 'better', same: 'same' } as const;
      expect(r.verdict).toBe(rows[i]!.verdict === null ? null : flip[rows[i]!.verdict!]);
    }
  });
});

describe('verdicts', () => {
  const base = runScenario(getPreset('baseline')!, { durationMs: 10 });
  const summary = (l2HitRatio: number, staleReads: number): Summary => ({
    ...base,
    l2: { hits: 0, misses: 0, hitRatio: l2HitRatio },
    staleReads,
  });
  const verdict = (a: Summary, b: Summary, id: string) =>
    differenceRows(a, b).find((r) => r.id === id)!.verdict;

  it('call a difference within half a point of a ratio, or 1 % of a figure, the same', () => {
    expect(verdict(summary(0.5, 1000), summary(0.5 + 0.9 * SAME_RATIO_POINTS, 1000), 'l2HitRatio')).toBe(
      'same',
    );
    expect(verdict(summary(0.5, 1000), summary(0.5 + 1.1 * SAME_RATIO_POINTS, 1000), 'l2HitRatio')).toBe(
      'better',
    );
    expect(verdict(summary(0.5, 1000), summary(0.5, 1000 * (1 + 0.9 * SAME_RELATIVE)), 'staleReads')).toBe(
      'same',
    );
    expect(verdict(summary(0.5, 1000), summary(0.5, 1000 * (1 + 1.1 * SAME_RELATIVE)), 'staleReads')).toBe(
      'worse',
    );
    expect(verdict(summary(0.5, 0), summary(0.5, 1), 'staleReads')).toBe('worse');
  });
});

describe('formatDelta', () => {
  it('writes ratios in percentage points and other figures with their relative change', () => {
    expect(formatDelta({ unit: 'ratio' }, 0.5, 0.625)).toBe('+12.5 pp');
    expect(formatDelta({ unit: 'ratio' }, 0.9, 0.85)).toBe('\u22125.0 pp');
    expect(formatDelta({ unit: 'count' }, 200, 50)).toBe('\u2212150 (\u221275 %)');
    expect(formatDelta({ unit: 'count' }, 1000, 1005)).toBe('+5 (+0.5 %)');
    expect(formatDelta({ unit: 'count' }, 0, 7)).toBe('+7');
    expect(formatDelta({ unit: 'ms' }, 2, 1500)).toBe('+1.5 s (+74900 %)');
    expect(formatDelta({ unit: 'per-s' }, 10, 10)).toBe('0/s');
  });

  it('formats each unit as the rest of the app does', () => {
    expect(formatFigure({ unit: 'ratio' }, 0.547)).toBe('55 %');
    expect(formatFigure({ unit: 'ms' }, 1628)).toBe('1.63 s');
    expect(formatFigure({ unit: 'per-s' }, 313.5)).toBe('313.5/s');
    expect(formatFigure({ unit: 'count' }, 60_155)).toBe('60,155');
  });
});
