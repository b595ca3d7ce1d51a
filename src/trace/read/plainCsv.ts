import { badLine, type RecordParser, type TraceSink } from './sink.ts';
import { fieldText, LineSplitter, parseNumber } from './lines.ts';
import { opCode, OPS_LIST } from './ops.ts';
import { OP_GET, TraceError } from '../types.ts';

const COMMA = 44;
const QUOTE = 34;
const OPTIONAL = ['size', 'op', 'ttl_s'] as const;
const MAX_FIELDS = 8;
type Column = 'time_ms' | 'key' | (typeof OPTIONAL)[number];

/**
 * The plain CSV trace: a header `time_ms,key[,size][,op][,ttl_s]`, then one request a line. Fields may
 * be quoted as RFC 4180 says (a key with a comma or a quote in it is). Without a size column every
 * object counts as 1 byte; an empty op is a get; an empty or 0 TTL is none.
 */
export function plainCsvParser(sink: TraceSink): RecordParser {
  let columns: Column[] | null = null;
  let truncated: string | null = null;
  // Field n is bytes [starts[n], ends[n]) of src[n]: the line itself, or `scratch` for a quoted field.
  const starts = new Int32Array(MAX_FIELDS);
  const ends = new Int32Array(MAX_FIELDS);
  const src: Uint8Array[] = [];
  let scratch = new Uint8Array(256);

  /** Splits a line into fields (unquoting quoted ones); returns their count or what is wrong. */
  const split = (buf: Uint8Array, start: number, end: number): number | string => {
    let n = 0;
    let used = 0;
    let pos = start;
    for (;;) {
      if (n === MAX_FIELDS) return `more than ${MAX_FIELDS} fields`;
      if (buf[pos] === QUOTE && pos < end) {
        if (scratch.length < used + (end - pos)) {
          const next = new Uint8Array(Math.max(scratch.length * 2, used + end - pos));
          next.set(scratch);
          scratch = next;
        }
        const from = used;
        let i = pos + 1;
        for (;;) {
          if (i >= end) return 'a quoted field has no closing quote';
          if (buf[i] === QUOTE) {
            if (buf[i + 1] === QUOTE && i + 1 < end) {
              scratch[used++] = QUOTE;
              i += 2;
              continue;
            }
            break;
          }
          scratch[used++] = buf[i++] as number;
        }
        starts[n] = from;
        ends[n] = used;
        src[n++] = scratch;
        pos = i + 1;
        if (pos < end && buf[pos] !== COMMA) return 'text after a closing quote';
      } else {
        const comma = buf.indexOf(COMMA, pos);
        const stop = comma < 0 || comma >= end ? end : comma;
        starts[n] = pos;
        ends[n] = stop;
        src[n++] = buf;
        pos = stop;
      }
      if (pos >= end) return n;
      pos++; // past the comma
      if (pos === end) {
        starts[n] = end;
        ends[n] = end;
        src[n++] = buf;
        return n;
      }
    }
  };

  const header = (buf: Uint8Array, start: number, end: number) => {
    const names = new TextDecoder().decode(buf.subarray(start, end)).split(',');
    const cols = names.map((s) => s.trim().replace(/^"|"$/g, '').toLowerCase());
    if (cols[0] !== 'time_ms' || cols[1] !== 'key') {
      throw new TraceError(
        `line 1: the header must start with time_ms,key (then any of size, op, ttl_s), got "${fieldText(buf, start, end, 60)}"`,
      );
    }
    const seen = new Set<string>();
    for (const c of cols.slice(2)) {
      if (!(OPTIONAL as readonly string[]).includes(c)) {
        throw new TraceError(
          `line 1: unknown column "${c}" (the optional columns are ${OPTIONAL.join(', ')})`,
        );
      }
      if (seen.has(c)) throw new TraceError(`line 1: the column "${c}" appears twice`);
      seen.add(c);
    }
    columns = cols as Column[];
  };

  const onLine = (
    buf: Uint8Array,
    start: number,
    end: number,
    line: number,
    offset: number,
    cut: boolean,
  ) => {
    if (start === end || truncated) return;
    if (!columns) return header(buf, start, end);
    const cols = columns;
    const bad = (what: string) => {
      truncated = badLine(line, offset, cut, what);
    };
    const n = split(buf, start, end);
    if (typeof n === 'string') return bad(n);
    if (n !== cols.length) return bad(`expected ${cols.length} fields (${cols.join(',')}), found ${n}`);
    let timeMs = NaN;
    let key = -1;
    let size = 1;
    let op = OP_GET;
    let ttl = 0;
    for (let f = 0; f < n; f++) {
      const b = src[f] as Uint8Array;
      const s = starts[f] as number;
      const e = ends[f] as number;
      const col = cols[f];
      if (col === 'time_ms') {
        timeMs = parseNumber(b, s, e);
        if (!Number.isFinite(timeMs) || timeMs < 0)
          return bad(`time_ms "${fieldText(b, s, e)}" is not a time in milliseconds`);
      } else if (col === 'key') {
        if (s === e) return bad('the key is empty');
        key = sink.keyOfBytes(b, s, e);
      } else if (col === 'size') {
        size = parseNumber(b, s, e);
        if (!Number.isInteger(size) || size < 0 || size > 0xffffffff)
          return bad(`size "${fieldText(b, s, e)}" is not a whole number of bytes`);
      } else if (col === 'op') {
        op = s === e ? OP_GET : opCode(b, s, e);
        if (op < 0) return bad(`unknown op "${fieldText(b, s, e)}" (one of ${OPS_LIST})`);
      } else if (s < e) {
        ttl = parseNumber(b, s, e);
        if (!Number.isFinite(ttl) || ttl < 0)
          return bad(`ttl_s "${fieldText(b, s, e)}" is not a number of seconds`);
      }
    }
    sink.add(key, timeMs, size, op, Math.round(ttl));
  };

  const lines = new LineSplitter(onLine);
  return {
    get hasSizes() {
      return columns?.includes('size') ?? false;
    },
    push: (bytes) => {
      if (!truncated) lines.push(bytes);
    },
    end: () => {
      lines.end();
      if (!columns)
        throw new TraceError('the file is empty: a plain CSV trace starts with a header time_ms,key');
      return truncated;
    },
  };
}
