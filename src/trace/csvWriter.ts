import { TraceError, type OpName } from './types.ts';

/** One request of a plain CSV trace (docs/traces.md). */
export interface TraceRow {
  timeMs: number;
  key: string | number;
  size?: number;
  op?: OpName;
  ttlS?: number;
}

export interface TraceColumns {
  size: boolean;
  op: boolean;
  ttl: boolean;
}

/** A key as a CSV field: quoted (quotes doubled) when it holds a comma, a quote or edge spaces. */
function keyField(key: string | number): string {
  const text = String(key);
  if (text === '') throw new TraceError('a request has an empty key');
  if (/[\r\n]/.test(text))
    throw new TraceError(
      `the key "${text.slice(0, 40)}" has a line break, which a CSV trace line cannot hold`,
    );
  return /[",]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes requests as the plain CSV trace the readers read back (`time_ms,key[,size][,op][,ttl_s]`),
 * in chunks of text so a long stream never becomes one string. Numbers are written as they are
 * (no thousands separators, no rounding but of TTLs to whole seconds).
 */
export function* traceCsvChunks(
  rows: Iterable<TraceRow>,
  columns: TraceColumns,
  rowsPerChunk = 10_000,
): Generator<string> {
  const header = [
    'time_ms',
    'key',
    ...(columns.size ? ['size'] : []),
    ...(columns.op ? ['op'] : []),
    ...(columns.ttl ? ['ttl_s'] : []),
  ];
  let lines: string[] = [header.join(',')];
  for (const row of rows) {
    if (!(Number.isFinite(row.timeMs) && row.timeMs >= 0))
      throw new TraceError(`a request's time ${row.timeMs} is not a time in milliseconds`);
    let line = `${row.timeMs},${keyField(row.key)}`;
    if (columns.size) line += `,${row.size ?? 1}`;
    if (columns.op) line += `,${row.op ?? 'get'}`;
    if (columns.ttl) line += `,${row.ttlS ? Math.round(row.ttlS) : ''}`;
    lines.push(line);
    if (lines.length >= rowsPerChunk) {
      yield lines.join('\n') + '\n';
      lines = [];
    }
  }
  if (lines.length > 0) yield lines.join('\n') + '\n';
}
