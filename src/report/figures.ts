import type { Summary } from '../engine/types.ts';

/**
 * What a Summary says about the mechanisms a scenario switched on, as labelled rows: the CLI prints them
 * as a table, the app lists them beside the charts. A section appears only when it has something to say,
 * so a plain cache-aside run stays short.
 */
export interface FigureSection {
  title: string;
  rows: [label: string, value: string][];
}

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

function failures(s: Summary): FigureSection | null {
  if (s.redisErrors + s.redisFallbacks + s.shardCrashes + s.instanceRestarts + s.rejectedWrites === 0)
    return null;
  return {
    title: 'Failures',
    rows: [
      ['shard outages / instance restarts', pair(s.shardCrashes, s.instanceRestarts)],
      ['Redis errors / fallbacks to the DB', pair(s.redisErrors, s.redisFallbacks)],
      ['keys lost on restart', fmtInt(s.keysLostOnRestart)],
      ['SETs refused (memory)', fmtInt(s.rejectedWrites)],
    ],
  };
}

function overload(s: Summary): FigureSection | null {
  const o = s.overload;
  if (o.timeouts + o.retries + o.acquireTimeouts + o.dbQueueRejections + o.redisQueueRejections === 0)
    return null;
  return {
    title: 'Overload',
    rows: [
      ['client timeouts / retries sent', pair(o.timeouts, o.retries)],
      ['DB acquire timeouts / refused (queue full)', pair(o.acquireTimeouts, o.dbQueueRejections)],
      ['Redis commands refused (queue full)', fmtInt(o.redisQueueRejections)],
      ['errors seen by clients', `${fmtInt(s.errors)} of ${fmtInt(s.requests)} requests`],
    ],
  };
}

function writePaths(s: Summary): FigureSection[] {
  const out: FigureSection[] = [];
  const wb = s.writeBehind;
  if (wb) {
    out.push({
      title: 'Write-behind',
      rows: [
        [
          'acknowledged / flushed / lost',
          `${pair(wb.acknowledged, wb.flushedRows)} / ${fmtInt(wb.lostWrites)}`,
        ],
        ['batches / pending at end', pair(wb.batches, wb.pendingAtEnd)],
        ['max queue depth', fmtInt(wb.maxQueueDepth)],
        ['database lag max / mean', `${fmtMs(wb.maxDbLagMs)} / ${fmtMs(wb.meanDbLagMs)}`],
        ['rows gone back in time', fmtInt(wb.dbRegressions)],
      ],
    });
  }
  const cdc = s.cdc;
  if (cdc) {
    out.push({
      title: 'CDC invalidation',
      rows: [
        ['events published / processed', pair(cdc.published, cdc.processed)],
        ['backlog max / at end', pair(cdc.maxBacklog, cdc.backlogAtEnd)],
        ['consumer lag mean / max', `${fmtMs(cdc.meanConsumerLagMs)} / ${fmtMs(cdc.maxConsumerLagMs)}`],
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
        ['hits / misses', `${pair(s.cdn.hits, s.cdn.misses)}, hit ratio ${fmtRatio(s.cdn.hitRatio)}`],
        ['stale hits / purges', pair(s.cdn.staleHits, s.cdn.purges)],
        ["another user's data served", fmtInt(s.cdn.crossUserLeaks)],
      ],
    });
  }
  const q = s.queryCache;
  if (q.enabled) {
    out.push({
      title: 'Database query cache',
      rows: [
        ['hits / misses', `${pair(q.hits, q.misses)}, hit ratio ${fmtRatio(q.hitRatio)}`],
        ['table flushes / entries dropped', pair(q.invalidations, q.droppedEntries)],
      ],
    });
  }
  return out;
}

function mitigations(s: Summary): FigureSection | null {
  const m = s.mitigations;
  if (m.lockAcquisitions + m.xfetchRecomputes + m.refreshReads + m.warmingReads === 0) return null;
  return {
    title: 'Stampede mitigations',
    rows: [
      [
        'locks taken / waits / fall-throughs',
        `${pair(m.lockAcquisitions, m.lockWaits)} / ${fmtInt(m.lockFallThroughs)}`,
      ],
      ['XFetch recomputes per cycle', m.xfetchCycles > 0 ? m.recomputesPerCycle.toFixed(2) : '-'],
      ['refresh reads / warming reads', pair(m.refreshReads, m.warmingReads)],
    ],
  };
}

function business(s: Summary): FigureSection[] {
  const out: FigureSection[] = [];
  if (s.families.length > 0) {
    out.push({
      title: 'Key families',
      rows: s.families.map((f) => [
        f.name,
        `L1 ${pct0(f.l1.hitRatio)} · L2 ${pct0(f.l2.hitRatio)} · ${fmtInt(f.staleReads)} stale`,
      ]),
    });
  }
  const c = s.consequences;
  if (c.oversold + c.wrongPrices + c.revokedAllowed + c.wrongBalances > 0) {
    out.push({
      title: 'Business consequences of stale reads',
      rows: [
        ['items oversold', fmtInt(c.oversold)],
        ['wrong prices charged', fmtInt(c.wrongPrices)],
        ['revoked users allowed', fmtInt(c.revokedAllowed)],
        ['wrong balances shown', fmtInt(c.wrongBalances)],
      ],
    });
  }
  return out;
}

/** Alerts that fired, earliest first. */
export function alertRows(s: Summary): [string, string][] {
  return [...s.alerts]
    .sort((a, b) => a.firstAtMs - b.firstAtMs)
    .map((a) => [`${fmtMs(a.firstAtMs)} ${a.rule}`, `${a.message} (${fmtInt(a.count)}x)`]);
}

/**
 * The sections for the mechanisms that are on, then the alerts.
 *
 * @example
 * for (const { title, rows } of mechanismFigures(summary)) console.log(title, rows);
 */
export function mechanismFigures(s: Summary): FigureSection[] {
  const alerts = alertRows(s);
  return [
    overload(s),
    failures(s),
    ...writePaths(s),
    ...edgeAndDb(s),
    mitigations(s),
    ...business(s),
    alerts.length > 0 ? { title: 'Alerts', rows: alerts } : null,
  ].filter((x): x is FigureSection => x !== null);
}
