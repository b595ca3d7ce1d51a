import { Decompress } from 'fzstd';
import { TraceSink, type RecordParser } from './sink.ts';
import { detectFormat, isZstd } from './detect.ts';
import { ORACLE_RECORD_BYTES, oracleParser } from './oracle.ts';
import { twitterParser } from './twitter.ts';
import { plainCsvParser } from './plainCsv.ts';
import { TraceError, type Trace, type TraceFormat } from '../types.ts';
import { TraceTooLong } from '../limits.ts';

export interface ReadOptions {
  /** The format, when named; otherwise it is detected from the content (and the name). */
  format?: TraceFormat;
  /** The file's name, a hint for detection. */
  name?: string;
  /** Keep only this fraction of keys (SHARDS); 1 keeps every request. */
  sampleRate?: number;
  /** The file's size in bytes, when known: sizes the arrays and estimates a sample rate. */
  fileBytes?: number;
  /** Stop with TraceTooLong past this many kept requests. */
  maxRequests?: number;
}

const DETECT_BYTES = 4096;

/**
 * Reads a trace from chunks of its file, in any chunking: `push` each chunk as it arrives, then
 * `finish`. A zstd-compressed file (detected by its magic number) is decompressed on the way by fzstd.
 * Nothing holds more than one chunk and a partial record besides the typed arrays of the result.
 */
export class TraceReader {
  private readonly sink: TraceSink;
  private parser: RecordParser | null = null;
  private format: TraceFormat | null;
  private zstd: Decompress | null = null;
  private compressed: boolean | null = null;
  private magic: Uint8Array[] = [];
  private head: Uint8Array[] = [];
  private headBytes = 0;
  private decoded = 0;
  private rawBytes = 0;
  private zstdError: string | null = null;

  constructor(private readonly options: ReadOptions = {}) {
    this.format = options.format ?? null;
    this.sink = new TraceSink(options.sampleRate ?? 1);
  }

  /** Bytes of the file consumed so far (for a progress bar). */
  get bytesIn(): number {
    return this.rawBytes;
  }

  /** Requests read so far. */
  get requests(): number {
    return this.sink.requestsRead;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.rawBytes += chunk.length;
    if (this.compressed === null) {
      // Four bytes tell a zstd stream (its magic number); hold a shorter start until they are here.
      const start = concat([...this.magic, chunk]);
      if (start.length < 4) {
        this.magic = [start];
        return;
      }
      this.magic = [];
      this.compressed = isZstd(start);
      chunk = start;
    }
    if (!this.compressed) this.pushDecoded(chunk);
    else this.pushCompressed(chunk);
    const max = this.options.maxRequests;
    if (max !== undefined && this.sink.builder.length > max) {
      throw new TraceTooLong(max, this.rawBytes / Math.max(this.rawBytes, this.options.fileBytes ?? 0));
    }
  }

  private pushCompressed(chunk: Uint8Array): void {
    this.zstd ??= new Decompress((data) => this.pushDecoded(data));
    try {
      this.zstd.push(chunk);
    } catch (e) {
      if (e instanceof TraceError) throw e;
      throw new TraceError(
        `not a valid zstd stream (within the first ${this.rawBytes} bytes): ${String((e as Error).message)}`,
      );
    }
  }

  /** The input ended: the trace read, with `truncated` set when it ended inside a record. */
  finish(): Trace {
    if (this.magic.length > 0) {
      this.compressed = false;
      this.pushDecoded(concat(this.magic));
    }
    if (this.zstd) {
      try {
        this.zstd.push(new Uint8Array(0), true);
      } catch {
        this.zstdError = `the compressed stream ends early (after ${this.rawBytes.toLocaleString('en-US')} bytes of the file); read what it held`;
      }
    }
    this.startParser(true);
    const parser = this.parser as RecordParser | null;
    if (!parser) throw new TraceError('the file is empty');
    const cut = parser.end();
    const sink = this.sink;
    const truncated = [this.zstdError, cut].filter((s) => s !== null).join('; ') || null;
    if (sink.requestsRead === 0) throw new TraceError(truncated ?? 'the file holds no requests');
    return sink.builder.build({
      format: this.format as TraceFormat,
      uniqueKeys: sink.uniqueKeys,
      hasSizes: parser.hasSizes,
      sampleRate: sink.sampleRate,
      requestsRead: sink.requestsRead,
      bytesRequested: sink.bytesRequested,
      inputBytes: this.decoded,
      truncated,
    });
  }

  /** Sizes the arrays from the file's size, so a large file is not copied as they grow. */
  private reserve(head: Uint8Array): void {
    const fileBytes = this.options.fileBytes;
    if (fileBytes === undefined || this.compressed || head.length === 0) return;
    let perRequest = ORACLE_RECORD_BYTES;
    if (this.format !== 'oracle') {
      let lines = 0;
      for (let i = head.indexOf(10); i >= 0; i = head.indexOf(10, i + 1)) lines++;
      if (lines < 2) return;
      perRequest = head.length / lines / 1.05; // a little room: lines vary in length
    }
    this.sink.builder.reserve((fileBytes / perRequest) * this.sink.sampleRate);
  }

  private pushDecoded(data: Uint8Array): void {
    this.decoded += data.length;
    if (this.parser) return this.parser.push(data);
    // Hold the first bytes until there are enough to tell the format.
    this.head.push(data.slice());
    this.headBytes += data.length;
    if (this.headBytes >= DETECT_BYTES) this.startParser(false);
  }

  private startParser(atEnd: boolean): void {
    if (this.parser || (this.headBytes === 0 && atEnd && this.format === null)) return;
    const head = concat(this.head);
    this.format ??= detectFormat(head, this.options.name);
    this.reserve(head);
    const make = { oracle: oracleParser, twitter: twitterParser, csv: plainCsvParser }[this.format];
    this.parser = make(this.sink);
    this.head = [];
    if (head.length > 0) this.parser.push(head);
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
