import type { Trace, TraceFormat } from '../types.ts';

/**
 * Collects requests into growing typed arrays (grown by half, so the copy on growth stays small next
 * to what is kept) and hands them out as a Trace. `expect` sizes the arrays up front when the input's
 * length is known (oracleGeneral: file size / 24), so a large file is not copied while it is read.
 */
export class TraceBuilder {
  length = 0;
  timeMs: Float64Array;
  key: Uint32Array;
  size: Uint32Array;
  op: Uint8Array;
  ttlS: Uint32Array | null = null;

  constructor(expect = 1 << 16) {
    const n = Math.max(16, Math.ceil(expect));
    this.timeMs = new Float64Array(n);
    this.key = new Uint32Array(n);
    this.size = new Uint32Array(n);
    this.op = new Uint8Array(n);
  }

  push(timeMs: number, key: number, size: number, op: number, ttlS: number): void {
    const i = this.length;
    if (i === this.key.length) this.grow();
    this.timeMs[i] = timeMs;
    this.key[i] = key;
    this.size[i] = size;
    this.op[i] = op;
    if (ttlS > 0) {
      // TTLs are rare in some traces and absent in others: the array exists once one is seen.
      if (!this.ttlS) this.ttlS = new Uint32Array(this.key.length);
      this.ttlS[i] = ttlS;
    }
    this.length = i + 1;
  }

  /** Makes room for `n` requests in all (a hint: pushing more still works). */
  reserve(n: number): void {
    if (n > this.key.length) this.grow(Math.ceil(n));
  }

  private grow(n = Math.ceil(this.key.length * 1.5)): void {
    const timeMs = new Float64Array(n);
    timeMs.set(this.timeMs);
    this.timeMs = timeMs;
    const key = new Uint32Array(n);
    key.set(this.key);
    this.key = key;
    const size = new Uint32Array(n);
    size.set(this.size);
    this.size = size;
    const op = new Uint8Array(n);
    op.set(this.op);
    this.op = op;
    if (this.ttlS) {
      const ttl = new Uint32Array(n);
      ttl.set(this.ttlS);
      this.ttlS = ttl;
    }
  }

  /** The trace read so far; the arrays are views of exactly `length` requests. */
  build(fields: {
    format: TraceFormat;
    uniqueKeys: number;
    hasSizes: boolean;
    sampleRate: number;
    requestsRead: number;
    bytesRequested: number;
    inputBytes: number;
    truncated: string | null;
  }): Trace {
    const n = this.length;
    return {
      ...fields,
      length: n,
      timeMs: this.timeMs.subarray(0, n),
      key: this.key.subarray(0, n),
      size: this.size.subarray(0, n),
      op: this.op.subarray(0, n),
      ttlS: this.ttlS ? this.ttlS.subarray(0, n) : null,
    };
  }
}
