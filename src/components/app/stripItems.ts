import type { Scenario, Summary } from '../../engine/types.ts';
import { FIGURES, type FigureId } from '../../labels/figures.ts';
import { OUTCOME_COLORS } from '../../render/palette.ts';
import { formatCount, formatDuration, formatPercent } from '../format.ts';
import { pointSpanMs } from '../../series/field.ts';

/**
 * The figures under the stage (the metrics strip) and on its cards, as lists the components render
 * from. `shownFigures.ts` adds the charts and the run figures for the texts test. Kept apart from the
 * charts so the first page load does not pull them in.
 */

/**
 * A stale value younger than this crossed a write in flight (the read left the cache just before the
 * write committed); an older one was kept by a cache that should have dropped it. Only those warn.
 */
export const STALE_WARN_MS = 10;

export interface StripItem {
  id: FigureId;
  label: string;
  value: string;
  color?: string;
  warn: boolean;
  /** Why the figure is (or would be) shown as a warning. */
  why: string;
}

const item = (id: FigureId, value: string, warn: boolean, why: string, color?: string): StripItem =>
  color === undefined
    ? { id, label: FIGURES[id], value, warn, why }
    : { id, label: FIGURES[id], value, warn, why, color };

/** The metrics strip under the stage; warnings follow the scenario's own alert rules. */
export function stripItems(sc: Scenario, s: Summary): StripItem[] {
  const has = s.requests > 0;
  const last = s.series.points[s.series.points.length - 1];
  const dbPerSec = last
    ? ((last.dbReads + last.dbWrites) * 1000) / pointSpanMs(last, s.series.intervalMs)
    : 0;
  const hitAlert = sc.monitoring.enabled ? sc.monitoring.hitRateBelow : 0;
  const ratio = (r: number) => (has ? formatPercent(r) : '—');
  const items: StripItem[] = [item('requests', formatCount(s.requests), false, 'Requests so far')];
  if (sc.topology.cdn)
    items.push(
      item(
        'cdnHitRatio',
        ratio(s.cdn.hitRatio),
        false,
        'Reads answered at the edge',
        OUTCOME_COLORS['cdn-hit'],
      ),
    );
  if (sc.cache.l1.enabled)
    items.push(
      item(
        'l1HitRatio',
        ratio(s.l1.hitRatio),
        false,
        'Reads answered by an in-process L1',
        OUTCOME_COLORS['l1-hit'],
      ),
    );
  items.push(
    item(
      'l2HitRatio',
      ratio(s.l2.hitRatio),
      has && s.l2.hitRatio < hitAlert,
      `Redis lookups that hit; the alert rule warns below ${formatPercent(hitAlert)}`,
      OUTCOME_COLORS['l2-hit'],
    ),
    item(
      'dbQueriesPerSecond',
      formatCount(Math.round(dbPerSec)),
      false,
      'Database reads and writes per second, latest interval',
      OUTCOME_COLORS.db,
    ),
    item(
      'p99Latency',
      has ? formatDuration(s.latencyMs.p99) : '—',
      false,
      'Request latency, 99th percentile',
    ),
    item(
      'staleReads',
      formatCount(s.staleReads),
      s.maxStaleAgeMs > STALE_WARN_MS,
      `Reads answered with an out-of-date value; a warning once one was older than ${STALE_WARN_MS} ms (younger ones crossed a write in flight)`,
      OUTCOME_COLORS.stale,
    ),
    item('errors', formatCount(s.errors), s.errors > 0, 'Requests that failed'),
  );
  if (sc.cache.strategy === 'write-behind' || s.lostWrites > 0)
    items.push(
      item(
        'lostWrites',
        formatCount(s.lostWrites),
        s.lostWrites > 0,
        'Writes acknowledged to a client and never stored',
      ),
    );
  if (sc.topology.cdn && sc.cdn.routes.some((r) => r.personalised))
    items.push(
      item(
        'dataLeaked',
        formatCount(s.cdn.crossUserLeaks),
        s.cdn.crossUserLeaks > 0,
        'Responses the edge served to a user they were not made for',
      ),
    );
  return items;
}

/** What the stage's cards show for this scenario. */
export function stageFigures(sc: Scenario): FigureId[] {
  const out: FigureId[] = ['poolBusy', 'hotKeyTtl'];
  if (sc.cache.strategy === 'write-behind') out.push('writesQueued');
  if (sc.cache.strategy === 'cdc') out.push('eventsWaiting');
  if (sc.cache.stampede.mode === 'lock') out.push('locksHeld');
  return out;
}
