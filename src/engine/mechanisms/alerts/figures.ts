import type { Scenario, Summary } from '../../types.ts';
import { FIGURES } from '../../../labels/figures.ts';
import { ALERT_LABELS } from '../../../labels/options.ts';
import { fmtClock, fmtInt } from '../../../report/format.ts';
import type { FigureRow, MechanismFigures } from '../../../report/rows.ts';

/**
 * When the cache has warmed: the first interval whose L2 hit ratio reaches the hit-rate alert's
 * threshold, but no later than one L2 TTL from the start (by then every key has been written once and
 * expiries no longer bunch by construction). Before it, a cache that started empty shows a low hit
 * rate and keys expiring together because it is filling, not because anything is wrong. 0 when the
 * run never starts empty-handed enough to tell (no lookups at all).
 *
 * @example warmUpEndMs(runScenario(getPreset('baseline')!), getPreset('baseline')!) // e.g. 3000
 */
export function warmUpEndMs(s: Summary, scenario: Scenario): number {
  const ttl = scenario.cache.l2.ttlMs ?? Infinity;
  const threshold = scenario.monitoring.hitRateBelow;
  for (const p of s.series.points) {
    if (p.tMs >= ttl) return ttl;
    const lookups = p.l2Hits + p.l2Misses;
    if (lookups > 0 && p.l2Hits / lookups >= threshold) return p.tMs;
  }
  return Number.isFinite(ttl) ? Math.min(ttl, s.durationMs) : 0;
}

/**
 * Alerts that fired, earliest first, each under its rule's name and at the time the timeline shows;
 * one that fired while the cache was still warming says so (and whether it fired again after).
 */
export function alertRows(s: Summary, scenario?: Scenario): FigureRow[] {
  const warm = scenario ? warmUpEndMs(s, scenario) : 0;
  return [...s.alerts]
    .sort((a, b) => a.firstAtMs - b.firstAtMs)
    .map((a) => {
      const during = a.firstAtMs < warm;
      const note = !during ? '' : a.lastAtMs < warm ? ', during warm-up' : ', first during warm-up';
      return {
        id: 'alerts',
        label: `${fmtClock(a.firstAtMs)} ${ALERT_LABELS[a.rule as keyof typeof ALERT_LABELS] ?? 'Alert'}`,
        value: `${a.message} (${fmtInt(a.count)}x${note})`,
      };
    });
}

/** The alerts that fired, as one section (none when none did). */
export const alertsFigures: MechanismFigures = {
  name: 'alerts',
  sections: (s: Summary, sc: Scenario) => {
    const rows = alertRows(s, sc);
    return rows.length > 0 ? { title: FIGURES.alerts, rows } : null;
  },
};
