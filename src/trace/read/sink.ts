import { TraceBuilder } from './builder.ts';
import { BytesKeyTable, hashBytes, hashU64, sampleHash, U64KeyTable } from './keyTable.ts';
import { TraceError } from '../types.ts';

/**
 * Where the format parsers put requests: key interning, SHARDS sampling by key, and the totals over
 * every request read (kept or not). A parser calls `keyOf…` (-1 means the key is not in the sample),
 * then `add`.
 */
export class TraceSink {
  readonly builder: TraceBuilder;
  readonly bytesKeys = new BytesKeyTable();
  readonly u64Keys = new U64KeyTable();
  requestsRead = 0;
  bytesRequested = 0;
  /** A key is kept when its sample hash is below this (2^32 keeps every key). */
  private readonly threshold: number;

  constructor(readonly sampleRate: number) {
    if (!(sampleRate > 0 && sampleRate <= 1)) {
      throw new TraceError(`the sample rate must be above 0 and at most 1, got ${sampleRate}`);
    }
    this.threshold = Math.round(sampleRate * 2 ** 32);
    this.builder = new TraceBuilder();
  }

  keyOfBytes(buf: Uint8Array, start: number, end: number): number {
    const h = hashBytes(buf, start, end);
    if (this.threshold < 2 ** 32 && sampleHash(h) >= this.threshold) return -1;
    return this.bytesKeys.intern(buf, start, end, h);
  }

  keyOfU64(lo: number, hi: number): number {
    const h = hashU64(lo, hi);
    if (this.threshold < 2 ** 32 && sampleHash(h) >= this.threshold) return -1;
    return this.u64Keys.intern(lo, hi, h);
  }

  /** Counts a request; keeps it when its key is in the sample (`key` >= 0). */
  add(key: number, timeMs: number, size: number, op: number, ttlS: number): void {
    this.requestsRead++;
    this.bytesRequested += size;
    if (key >= 0) this.builder.push(timeMs, key, size, op, ttlS);
  }

  get uniqueKeys(): number {
    return this.bytesKeys.size + this.u64Keys.size;
  }
}

/** A format's parser: bytes in (any chunking), requests into the sink. */
export interface RecordParser {
  push(bytes: Uint8Array): void;
  /** The input ended. Returns what was cut off, when it ended inside a record, or null. */
  end(): string | null;
  /** Whether the format gives object sizes. */
  readonly hasSizes: boolean;
}

/**
 * A bad line: an error naming it, or, when it is the file's last line and has no newline (a download
 * or copy cut short), the truncation message and the lines before it are kept.
 */
export function badLine(line: number, offset: number, unterminated: boolean, what: string): string {
  const where = `line ${line.toLocaleString('en-US')} (byte ${offset.toLocaleString('en-US')})`;
  if (!unterminated) throw new TraceError(`${where}: ${what}`);
  const before = (line - 1).toLocaleString('en-US');
  return `the file ends in the middle of ${where} (${what}); read the ${before} lines before it`;
}
