import type { Scenario, Summary } from '../engine/types.ts';
import { FIGURES } from '../labels/figures.ts';
import { shardName } from '../labels/names.ts';
import { fmtBytes, fmtInt, fmtMs, fmtRatio, mechanismFigures } from '../report/figures.ts';

export { fmtBytes, fmtInt, fmtMs, fmtRatio };

/**
 * The `npm run sim` table: every Summary figure a workshop asks about, grouped by layer, aligned so
 * two runs pasted one above the other can be compared by eye. Pure, so tests need no engine run.
 */

export function section(title: string, rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(([label]) => label.length));
  return [title, ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`), ''];
}

/** Columns padded to their widest cell; numbers right-aligned. */
export function grid(header: string[], body: string[][]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => (row[c] ?? '').length)));
  const line = (cells: string[]): string =>
    '  ' +
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ');
  return [line(header), ...body.map(line)];
}

/** Live changes shown in the table; a longer list ends with how many more there are. */
const CHANGES_SHOWN = 20;

/** The changes the run applied, one row each: when, which field, its new value. */
function changeRows(changes: Summary['changes']): [string, string][] {
  const rows = changes
    .slice(0, CHANGES_SHOWN)
    .map((c): [string, string] => [`at ${fmtMs(c.atMs)}`, `${c.path} = ${JSON.stringify(c.value)}`]);
  const more = changes.length - CHANGES_SHOWN;
  return more > 0 ? [...rows, ['...', `and ${more} more`]] : rows;
}

export function formatSummaryTable(s: Summary, scenario: Scenario): string {
  const layer = (l: Summary['l1']): string =>
    `${fmtInt(l.hits)} hits, ${fmtInt(l.misses)} misses, hit ratio ${fmtRatio(l.hitRatio)}`;
  const lines = [
    `${s.title} (seed ${s.seed}, ${fmtInt(s.durationMs)} ms simulated, ${fmtInt(s.events)} events)`,
    '',
    ...section('Traffic', [
      ['requests', fmtInt(s.requests)],
      ['reads / writes', `${fmtInt(s.reads)} / ${fmtInt(s.writes)}`],
      ['errors', fmtInt(s.errors)],
    ]),
    ...section('Caches', [
      ['L1 (in-process)', layer(s.l1)],
      ['L2 (Redis)', layer(s.l2)],
    ]),
    ...section('Database', [
      ['reads / writes', `${fmtInt(s.db.reads)} / ${fmtInt(s.db.writes)}`],
      [FIGURES.dbPeakConcurrency, `${fmtInt(s.db.peakConcurrency)} (peak queue ${fmtInt(s.db.peakQueue)})`],
      [FIGURES.dbMeanLatency, `${fmtMs(s.db.meanLatencyMs)} (of which waiting ${fmtMs(s.db.meanWaitMs)})`],
      [FIGURES.dbUtilisation, fmtRatio(s.db.utilisation)],
    ]),
    ...section('Correctness', [
      [
        FIGURES.staleReads.toLowerCase(),
        `${fmtInt(s.staleReads)} (max age ${fmtMs(s.maxStaleAgeMs)}, mean ${fmtMs(s.meanStaleAgeMs)})`,
      ],
      [FIGURES.lostWrites.toLowerCase(), fmtInt(s.lostWrites)],
    ]),
    ...mechanismFigures(s, scenario).flatMap(({ title, rows }) =>
      section(
        title,
        rows.map((r) => [r.label, r.value]),
      ),
    ),
    ...(s.changes.length > 0 ? section('Live changes', changeRows(s.changes)) : []),
    ...section('Latency', [
      ['mean / p50', `${fmtMs(s.latencyMs.mean)} / ${fmtMs(s.latencyMs.p50)}`],
      [
        'p95 / p99 / max',
        `${fmtMs(s.latencyMs.p95)} / ${fmtMs(s.latencyMs.p99)} / ${fmtMs(s.latencyMs.max)}`,
      ],
    ]),
    `Redis shards (${FIGURES.hotShardFactor} ${Number.isFinite(s.hotShardFactor) ? s.hotShardFactor.toFixed(2) : '-'})`,
    ...grid(
      ['shard', 'slots', 'ops', 'keys', 'memory', 'evictions', 'expired', 'peak queue'],
      s.shards.map((sh, i) => [
        shardName(i),
        `${sh.slotStart}-${sh.slotEnd}`,
        fmtInt(sh.ops),
        fmtInt(sh.keys),
        fmtBytes(sh.memoryBytes),
        fmtInt(sh.evictions),
        fmtInt(sh.expired),
        fmtInt(sh.peakQueue),
      ]),
    ),
  ];
  return lines.join('\n');
}
