import { TRACE_FORMATS, TraceError, type TraceFormat } from '../types.ts';
import { opCode } from './ops.ts';

/** zstd's frame magic number, 0xFD2FB528 little-endian. */
export function isZstd(head: Uint8Array): boolean {
  return head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd;
}

/** A format named by the user (`--format`, or the app's picker), checked. */
export function parseFormatName(name: string): TraceFormat {
  const f = name.trim().toLowerCase();
  if ((TRACE_FORMATS as readonly string[]).includes(f)) return f as TraceFormat;
  throw new TraceError(`unknown trace format "${name}" (one of ${TRACE_FORMATS.join(', ')})`);
}

/**
 * The format of a (decompressed) trace from its first bytes, and its file name when the content does
 * not tell: text that starts with a `time_ms` header is the plain CSV, text whose first line has the
 * Twitter trace's seven fields and a known operation is Twitter's, and binary is oracleGeneral.
 */
export function detectFormat(head: Uint8Array, name = ''): TraceFormat {
  if (/\.oraclegeneral(\.bin)?(\.zst)?$|\.bin(\.zst)?$/i.test(name)) return 'oracle';
  let control = 0;
  const n = Math.min(head.length, 4096);
  for (let i = 0; i < n; i++) {
    const c = head[i] as number;
    if (c < 9 || (c > 13 && c < 32)) control++;
  }
  if (n > 0 && control > n / 100) return 'oracle';
  const nl = head.indexOf(10);
  const firstLine = new TextDecoder().decode(head.subarray(0, nl < 0 ? n : nl)).trim();
  if (/^"?time_ms"?\s*,/i.test(firstLine)) return 'csv';
  const fields = firstLine.split(',');
  if (fields.length >= 7) {
    const op = new TextEncoder().encode(fields[fields.length - 2] ?? '');
    if (/^\d+(\.\d+)?$/.test(fields[0] ?? '') && opCode(op, 0, op.length) >= 0) return 'twitter';
  }
  const shown = firstLine.length > 60 ? `${firstLine.slice(0, 60)}…` : firstLine;
  throw new TraceError(
    `cannot tell the trace format from its first line "${shown}": a plain CSV trace starts with the header ` +
      'time_ms,key, a Twitter trace line has 7 fields (timestamp,key,key size,value size,client id,operation,TTL); ' +
      'name the format (twitter, oracle or csv)',
  );
}
