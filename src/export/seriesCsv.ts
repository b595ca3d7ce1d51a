import Papa from 'papaparse';
import type { Summary } from '../engine/types.ts';
import { orderFields, shapeOf, type SeriesShape } from '../series/field.ts';
import { SERIES_FIELDS, type SeriesPoint } from '../series/fields.ts';

/**
 * The time series of a Summary as CSV: the one builder the app's Export and `npm run sim -- --csv`
 * share, so a file downloaded from the app and the CLI's output for the same run are the same bytes.
 *
 * One row per sample, in time order, under a header row. Columns are the fields of the series point
 * (the flow's and each mechanism's, src/series/fields.ts) under their own names; a per-shard list
 * becomes one column per shard, numbered from 1 as on the stage (`shardOps.1` is Redis shard 1), and a
 * list of names (`alerts`) is one text column of ids joined by `;`.
 * Numbers are written unformatted (as JavaScript prints them); a value that is not finite is an empty
 * cell, as JSON would make it `null`.
 *
 * The file is safe to open in a spreadsheet: every field is quoted and a text field that begins with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so it can never be read as a
 * formula (papaparse's `escapeFormulae`; numbers are left as they are).
 */

/**
 * The columns' order as the CSV has had it: one number per sample first, then the per-shard groups, then
 * the alerts. A field not listed (a new mechanism's) follows the listed ones of its shape.
 */
const CSV_ORDER = [
  'tMs',
  'requests',
  'l1Hits',
  'l1Misses',
  'l2Hits',
  'l2Misses',
  'dbReads',
  'dbWrites',
  'staleReads',
  'errors',
  'timeouts',
  'retries',
  'p50',
  'p99',
  'redisP99',
  'dbInUse',
  'dbQueue',
  'evictions',
  'expired',
  'redisErrors',
  'instancesUp',
  'shardOps',
  'shardKeys',
  'shardMemoryBytes',
  'alerts',
];
const GROUP: Record<SeriesShape, number> = { number: 0, perShard: 1, names: 2 };

/** Every field of the series point (src/series/fields.ts), in the order the CSV writes them. */
const FIELDS = orderFields(SERIES_FIELDS, CSV_ORDER)
  .map((f, i) => ({ f, i }))
  .sort((a, b) => GROUP[shapeOf(a.f)] - GROUP[shapeOf(b.f)] || a.i - b.i)
  .map((x) => x.f);

type Row = Record<string, number | number[] | string[]>;

/** A column: its header and how a sample's cell is read. */
interface Column {
  name: string;
  cell(p: SeriesPoint): number | string;
}

/** The CSV's columns for a run with `shards` Redis shards. */
export function seriesColumns(shards: number): Column[] {
  return FIELDS.flatMap((field): Column[] => {
    const f = field.name;
    const cell = (p: SeriesPoint) => (p as unknown as Row)[f]!;
    switch (shapeOf(field)) {
      case 'names':
        return [{ name: f, cell: (p) => (cell(p) as string[]).join(';') }];
      case 'perShard':
        return Array.from({ length: shards }, (_, i) => ({
          name: `${f}.${i + 1}`,
          cell: (p: SeriesPoint) => (cell(p) as number[])[i] ?? '',
        }));
      default:
        return [{ name: f, cell: (p) => cell(p) as number }];
    }
  });
}

/** A finite number as JavaScript prints it; anything else as an empty cell. */
const finite = (v: number | string): number | string =>
  typeof v === 'number' && !Number.isFinite(v) ? '' : v;

/**
 * The Summary's time series as CSV text: CRLF line ends, as RFC 4180 has them, the last row's too.
 *
 * @example
 * const csv = seriesCsv(runScenario(getPreset('baseline')!, { durationMs: 5000 }));
 * csv.trimEnd().split('\r\n').length; // 6: the header row and 5 samples (one per second)
 */
export function seriesCsv(summary: Pick<Summary, 'series' | 'shards'>): string {
  const columns = seriesColumns(summary.shards.length);
  const rows = summary.series.points.map((p) => columns.map((c) => finite(c.cell(p))));
  const text = Papa.unparse(
    { fields: columns.map((c) => c.name), data: rows },
    { quotes: true, escapeFormulae: true, newline: '\r\n' },
  );
  return `${text}\r\n`;
}
