import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import { alertRows, fmtClock, warmUpEndMs } from '../../src/report/figures.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';

describe('alerts as the figures list them', () => {
  const baseline = getPreset('baseline')!;
  const summary = runScenario(baseline, { durationMs: 20_000 });

  it('gives times as the timeline clock writes them', () => {
    expect(fmtClock(1000)).toBe('1.000 s');
    expect(fmtClock(61_250)).toBe('61.250 s');
    for (const r of alertRows(summary, baseline)) expect(r.label).toMatch(/^\d[\d,]*\.\d{3} s /);
  });

  it('ends warm-up at the first interval the L2 hit ratio reaches the alert threshold, or one TTL', () => {
    const warmed = { ...baseline, cache: { ...baseline.cache, l2: { ...baseline.cache.l2, ttlMs: 5_000 } } };
    expect(warmUpEndMs(runScenario(warmed, { durationMs: 8_000 }), warmed)).toBeLessThanOrEqual(5_000);
    const end = warmUpEndMs(summary, baseline);
    const first = summary.series.points.find(
      (p) => p.l2Hits / (p.l2Hits + p.l2Misses) >= baseline.monitoring.hitRateBelow,
    );
    // Not reached within the run: warm-up lasts the run, or one TTL if that is shorter.
    expect(end).toBe(Math.min(first?.tMs ?? summary.durationMs, baseline.cache.l2.ttlMs ?? Infinity));
    expect(end).toBeGreaterThan(0);
  });

  it('marks an alert that fired while the cache was warming, and only those', () => {
    const end = warmUpEndMs(summary, baseline);
    const rows = alertRows(summary, baseline);
    expect(rows).toHaveLength(summary.alerts.length);
    const sorted = [...summary.alerts].sort((a, b) => a.firstAtMs - b.firstAtMs);
    sorted.forEach((a, i) => {
      const value = rows[i]!.value;
      if (a.firstAtMs >= end) expect(value).not.toMatch(/warm-up/);
      else if (a.lastAtMs < end) expect(value).toMatch(/, during warm-up\)$/);
      else expect(value).toMatch(/, first during warm-up\)$/);
    });
    // The baseline starts with an empty cache: its first alerts are warm-up ones (issue 16 §6).
    expect(sorted.some((a) => a.firstAtMs < end)).toBe(true);
  });
});
