import type { Scenario, Summary } from '../engine/types.ts';
import { FIGURES, type FigureId } from '../labels/figures.ts';
import { ALERT_LABELS } from '../labels/options.ts';
import { readGuardFigures } from './readGuards.ts';
import { trackingFigures } from './tracking.ts';
import type { FigureRow, FigureSection } from './rows.ts';

/**
 * What a Summary says about the mechanisms a scenario switched on, as labelled rows: the CLI prints them
 * as a table, the app lists them beside the charts. A section appears when its mechanism is on (so a
 * figure a text tells people to watch is there, at 0, before the moment it moves) or when it has
 * counted something; a plain cache-aside run stays short.
 */
export type { FigureRow, FigureSection };

const row = (id: FigureId, value: string): FigureRow => ({ id, label: FIGURES[id], value });

const intFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1234567 -> "1,234,567"; not-a-number (an empty run) -> "-". */
export const fmtInt = (n: number): string => (Number.isFinite(n) ? intFmt.format(n) : '-');

/** Milliseconds with precision where it matters: 0.01234 -> "0.012 ms", 12.345 -> "12.35 ms". */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms >= 1000) return `${fmtInt(ms)} ms`;
  return `${Number(ms.toFixed(ms >= 10 ? 2 : 3))} ms`;
}

/** A ratio in [0, 1] as a percentage; "-" when nothing was counted. */
export const fmtRatio = (r: number): string => (Number.isFinite(r) ? `${(r * 100).toFixed(1)} %` : '-');

/** Bytes in binary units: 1536 -> "1.5 KiB". */
export function fmtBytes(b: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = b;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}

const pct0 = (r: number): string => (Number.isFinite(r) ? `${Math.round(r * 100)} %` : '-');
const pair = (a: number, b: number): string => `${fmtInt(a)} / ${fmtInt(b)}`;

function failures(s: Summary, sc: Scenario): FigureSection | null {
  const counted = s.redisErrors + s.redisFallbacks + s.shardCrashes + s.instanceRestarts;
  if (sc.failures.length === 0 && counted === 0) return null;
  return {
    title: 'Failures',
    rows: [
      row('shardOutages', fmtInt(s.shardCrashes)),
      row('instanceRestarts', fmtInt(s.instanceRestarts)),
      row('redisErrors', fmtInt(s.redisErrors)),
      row('redisFallbacks', fmtInt(s.redisFallbacks)),
      row('keysLostOnRestart', fmtInt(s.keysLostOnRestart)),
    ],
  };
}

/** What overload cost the clients: timeouts and retries, queries and commands given up on. */
function overload(s: Summary, sc: Scenario): FigureSection | null {
  const o = s.overload;
  const counted = o.timeouts + o.retries + o.acquireTimeouts + o.dbQueueRejections + o.redisQueueRejections;
  if (sc.workload.client.timeoutMs === null && counted === 0) return null;
  return {
    title: 'Overload',
    rows: [
      row('clientTimeouts', pair(o.timeouts, o.retries)),
      row('acquireTimeouts', pair(o.acquireTimeouts, o.dbQueueRejections)),
      row('redisQueueRejections', fmtInt(o.redisQueueRejections)),
      row('errorsSeen', `${fmtInt(s.errors)} of ${fmtInt(s.requests)} requests`),
    ],
  };
}

/** What a memory or key limit on the shards costs: keys evicted to make room, SETs refused. */
function memory(s: Summary, sc: Scenario): FigureSection | null {
  const evicted = s.shards.reduce((n, sh) => n + sh.evictions, 0);
  const limited = sc.cache.l2.maxMemoryBytes !== null || sc.cache.l2.maxKeys !== null;
  if (!limited && evicted + s.rejectedWrites === 0) return null;
  return {
    title: 'Redis memory',
    rows: [row('evictions', fmtInt(evicted)), row('rejectedWrites', fmtInt(s.rejectedWrites))],
  };
}

function writePaths(s: Summary): FigureSection[] {
  const out: FigureSection[] = [];
  const wb = s.writeBehind;
  if (wb) {
    out.push({
      title: 'Write-behind',
      rows: [
        row('writesAcknowledged', fmtInt(wb.acknowledged)),
        row('writesFlushed', fmtInt(wb.flushedRows)),
        row('writesLost', fmtInt(wb.lostWrites)),
        row('batches', pair(wb.batches, wb.pendingAtEnd)),
        row('maxQueueDepth', fmtInt(wb.maxQueueDepth)),
        row('dbLag', `${fmtMs(wb.maxDbLagMs)} / ${fmtMs(wb.meanDbLagMs)}`),
        row('dbRegressions', fmtInt(wb.dbRegressions)),
      ],
    });
  }
  const cdc = s.cdc;
  if (cdc) {
    out.push({
      title: 'CDC invalidation',
      rows: [
        row('cdcEvents', pair(cdc.published, cdc.processed)),
        row('cdcBacklog', pair(cdc.maxBacklog, cdc.backlogAtEnd)),
        row('cdcLag', `${fmtMs(cdc.meanConsumerLagMs)} / ${fmtMs(cdc.maxConsumerLagMs)}`),
      ],
    });
  }
  return out;
}

function edgeAndDb(s: Summary): FigureSection[] {
  const out: FigureSection[] = [];
  if (s.cdn.enabled) {
    out.push({
      title: 'CDN edge',
      rows: [
        row('cdnHitRatio', fmtRatio(s.cdn.hitRatio)),
        row('cdnHits', pair(s.cdn.hits, s.cdn.misses)),
        row('cdnStaleHits', pair(s.cdn.staleHits, s.cdn.purges)),
        row('crossUserLeaks', fmtInt(s.cdn.crossUserLeaks)),
      ],
    });
  }
  const q = s.queryCache;
  if (q.enabled) {
    out.push({
      title: 'Database query cache',
      rows: [
        row('queryCacheHitRatio', fmtRatio(q.hitRatio)),
        row('queryCacheHits', pair(q.hits, q.misses)),
        row('queryCacheFlushes', pair(q.invalidations, q.droppedEntries)),
      ],
    });
  }
  return out;
}

function mitigations(s: Summary, sc: Scenario): FigureSection | null {
  const m = s.mitigations;
  const on = sc.cache.stampede.mode !== 'none' || sc.cache.warming.enabled;
  if (!on && m.lockAcquisitions + m.xfetchRecomputes + m.refreshReads + m.warmingReads === 0) return null;
  return {
    title: 'Stampede mitigations',
    rows: [
      row('locksTaken', fmtInt(m.lockAcquisitions)),
      row('lockWaits', fmtInt(m.lockWaits)),
      row('lockFallThroughs', fmtInt(m.lockFallThroughs)),
      row('recomputesPerCycle', m.xfetchCycles > 0 ? m.recomputesPerCycle.toFixed(2) : '-'),
      row('refreshReads', fmtInt(m.refreshReads)),
      row('warmingReads', fmtInt(m.warmingReads)),
    ],
  };
}

function business(s: Summary, sc: Scenario): FigureSection[] {
  const out: FigureSection[] = [];
  if (s.families.length > 0) {
    out.push({
      title: FIGURES.familyRow,
      rows: s.families.map((f) => ({
        id: 'familyRow',
        label: f.name,
        value: `L1 ${pct0(f.l1.hitRatio)} · L2 ${pct0(f.l2.hitRatio)} · ${fmtInt(f.staleReads)} stale`,
      })),
    });
  }
  const c = s.consequences;
  const costly = sc.workload.families.some((f) => f.consequence !== 'none');
  if (costly || c.oversold + c.wrongPrices + c.revokedAllowed + c.wrongBalances > 0) {
    out.push({
      title: 'Business consequences of stale reads',
      rows: [
        row('oversold', fmtInt(c.oversold)),
        row('wrongPrices', fmtInt(c.wrongPrices)),
        row('revokedAllowed', fmtInt(c.revokedAllowed)),
        row('wrongBalances', fmtInt(c.wrongBalances)),
      ],
    });
  }
  return out;
}

const clockFmt = new Intl.NumberFormat('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });

/** Simulated time as the timeline's clock writes it: 1000 -> "1.000 s". */
export const fmtClock = (ms: number): string =>
  Number.isFinite(ms) ? `${clockFmt.format(ms / 1000)} s` : '-';

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

/**
 * The sections for the mechanisms that are on, then the alerts.
 *
 * @example
 * for (const { title, rows } of mechanismFigures(summary, scenario)) console.log(title, rows);
 */
export function mechanismFigures(s: Summary, scenario: Scenario): FigureSection[] {
  const alerts = alertRows(s, scenario);
  return [
    overload(s, scenario),
    failures(s, scenario),
    memory(s, scenario),
    ...writePaths(s),
    ...edgeAndDb(s),
    mitigations(s, scenario),
    ...readGuardFigures(s, scenario),
    ...trackingFigures(s),
    ...business(s, scenario),
    alerts.length > 0 ? { title: FIGURES.alerts, rows: alerts } : null,
  ].filter((x): x is FigureSection => x !== null);
}
