import type { Summary } from '../engine/types.ts';
import { fmtInt, fmtMs, fmtRatio, grid, section } from './table.ts';

/**
 * The table's sections for the mechanisms a scenario switched on: each appears only when it has
 * something to say, so a plain cache-aside run stays short.
 */
export function mechanismSections(s: Summary): string[] {
  const out: string[] = [];
  if (s.redisErrors + s.redisFallbacks + s.shardCrashes + s.instanceRestarts + s.rejectedWrites > 0) {
    out.push(
      ...section('Failures', [
        ['shard outages / instance restarts', `${fmtInt(s.shardCrashes)} / ${fmtInt(s.instanceRestarts)}`],
        ['Redis errors / fallbacks to the DB', `${fmtInt(s.redisErrors)} / ${fmtInt(s.redisFallbacks)}`],
        ['keys lost on restart', fmtInt(s.keysLostOnRestart)],
        ['SETs refused (memory)', fmtInt(s.rejectedWrites)],
      ]),
    );
  }
  const wb = s.writeBehind;
  if (wb) {
    out.push(
      ...section('Write-behind', [
        [
          'acknowledged / flushed / lost',
          `${fmtInt(wb.acknowledged)} / ${fmtInt(wb.flushedRows)} / ${fmtInt(wb.lostWrites)}`,
        ],
        ['batches / pending at end', `${fmtInt(wb.batches)} / ${fmtInt(wb.pendingAtEnd)}`],
        ['max queue depth', fmtInt(wb.maxQueueDepth)],
        ['database lag max / mean', `${fmtMs(wb.maxDbLagMs)} / ${fmtMs(wb.meanDbLagMs)}`],
        ['rows gone back in time', fmtInt(wb.dbRegressions)],
      ]),
    );
  }
  const cdc = s.cdc;
  if (cdc) {
    out.push(
      ...section('CDC invalidation', [
        ['events published / processed', `${fmtInt(cdc.published)} / ${fmtInt(cdc.processed)}`],
        ['backlog max / at end', `${fmtInt(cdc.maxBacklog)} / ${fmtInt(cdc.backlogAtEnd)}`],
        ['consumer lag mean / max', `${fmtMs(cdc.meanConsumerLagMs)} / ${fmtMs(cdc.maxConsumerLagMs)}`],
      ]),
    );
  }
  if (s.cdn.enabled) {
    out.push(
      ...section('CDN edge', [
        [
          'hits / misses',
          `${fmtInt(s.cdn.hits)} / ${fmtInt(s.cdn.misses)}, hit ratio ${fmtRatio(s.cdn.hitRatio)}`,
        ],
        ['stale hits / purges', `${fmtInt(s.cdn.staleHits)} / ${fmtInt(s.cdn.purges)}`],
        ["another user's data served", fmtInt(s.cdn.crossUserLeaks)],
      ]),
    );
  }
  if (s.queryCache.enabled) {
    const q = s.queryCache;
    out.push(
      ...section('Database query cache', [
        ['hits / misses', `${fmtInt(q.hits)} / ${fmtInt(q.misses)}, hit ratio ${fmtRatio(q.hitRatio)}`],
        ['table flushes / entries dropped', `${fmtInt(q.invalidations)} / ${fmtInt(q.droppedEntries)}`],
      ]),
    );
  }
  const m = s.mitigations;
  if (m.lockAcquisitions + m.xfetchRecomputes + m.refreshReads + m.warmingReads > 0) {
    out.push(
      ...section('Stampede mitigations', [
        [
          'locks taken / waits / fall-throughs',
          `${fmtInt(m.lockAcquisitions)} / ${fmtInt(m.lockWaits)} / ${fmtInt(m.lockFallThroughs)}`,
        ],
        ['XFetch recomputes per cycle', m.xfetchCycles > 0 ? m.recomputesPerCycle.toFixed(2) : '-'],
        ['refresh reads / warming reads', `${fmtInt(m.refreshReads)} / ${fmtInt(m.warmingReads)}`],
      ]),
    );
  }
  if (s.families.length > 0) {
    out.push('Key families');
    out.push(
      ...grid(
        ['family', 'requests', 'L1 hit', 'L2 hit', 'stale'],
        s.families.map((f) => [
          f.name,
          fmtInt(f.requests),
          fmtRatio(f.l1.hitRatio),
          fmtRatio(f.l2.hitRatio),
          fmtInt(f.staleReads),
        ]),
      ),
      '',
    );
  }
  const c = s.consequences;
  if (c.oversold + c.wrongPrices + c.revokedAllowed + c.wrongBalances > 0) {
    out.push(
      ...section('Business consequences of stale reads', [
        ['items oversold', fmtInt(c.oversold)],
        ['wrong prices charged', fmtInt(c.wrongPrices)],
        ['revoked users allowed', fmtInt(c.revokedAllowed)],
        ['wrong balances shown', fmtInt(c.wrongBalances)],
      ]),
    );
  }
  if (s.alerts.length > 0) {
    out.push('Alerts');
    out.push(
      ...s.alerts.map(
        (a) => `  ${fmtMs(a.firstAtMs).padStart(12)}  ${a.rule}: ${a.message} (${fmtInt(a.count)}x)`,
      ),
      '',
    );
  }
  return out;
}
