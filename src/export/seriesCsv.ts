import Papa from 'papaparse';
import type { SeriesPoint, Summary } from '../engine/types.ts';

/**
 * The time series of a Summary as CSV: the one builder the app's Export and `npm run sim -- --csv`
 * share, so a file downloaded from the app and the CLI's output for the same run are the same bytes.
 *
 * One row per sample, in time order, under a header row. Columns are the fields of `SeriesPoint`
 * under their own names; a per-shard list becomes one column per shard, numbered from 1 as on the
 * stage (`shardOps.1` is Redis shard 1), and `alerts` is one text column of rule ids joined by `;`.
 * Numbers are written unformatted (as JavaScript prints them); a value that is not finite is an empty
 * cell, as JSON would make it `null`.
 *
 * The file is safe to open in a spreadsheet: every field is quoted and a text field that begins with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so it can never be read as a
 * formula (papaparse's `escapeFormulae`; numbers are left as they are).
 */

/** A column that holds one value per sample. */
type Scalar = Exclude<keyof SeriesPoint, PerShard | 'alerts'>;
/** A column group that holds one value per shard per sample. */
type PerShard = 'shardOps' | 'shardKeys' | 'shardMemoryBytes';

/** Every field of `SeriesPoint`, in the order the CSV writes them. */
const FIELDS = [
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
] as const satisfies readonly (keyof SeriesPoint)[];
/** A field added to `SeriesPoint` is a type error here until it has its place in `FIELDS`. */
const _everyField: Exclude<keyof SeriesPoint, (typeof FIELDS)[number]> extends never ? true : never = true;
const PER_SHARD: ReadonlySet<string> = new Set<PerShard>(['shardOps', 'shardKeys', 'shardMemoryBytes']);

/** A column: its header and how a sample's cell is read. */
interface Column {
  name: string;
  cell(p: SeriesPoint): number | string;
}

/** The CSV's columns for a run with `shards` Redis shards. */
export function seriesColumns(shards: number): Column[] {
  return FIELDS.flatMap((field): Column[] => {
    if (field === 'alerts') return [{ name: field, cell: (p) => p.alerts.join(';') }];
    if (PER_SHARD.has(field)) {
      const f = field as PerShard;
      return Array.from({ length: shards }, (_, i) => ({
        name: `${f}.${i + 1}`,
        cell: (p: SeriesPoint) => p[f][i] ?? '',
      }));
    }
    const f = field as Scalar;
    return [{ name: f, cell: (p) => p[f] }];
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
