/**
 * Splits a byte stream into lines without decoding it to text: each line is handed over as a byte
 * range with its 1-based number and the byte offset where it starts, so a parser can name both in a
 * message. A line split across two chunks is joined in a small carry buffer; every other line is a
 * view of the chunk it arrived in.
 */
export type LineHandler = (
  buf: Uint8Array,
  start: number,
  end: number,
  line: number,
  offset: number,
  /** True for a last line with no newline after it: a cut-off file ends like this. */
  unterminated: boolean,
) => void;

const NL = 10;
const CR = 13;

export class LineSplitter {
  private carry = new Uint8Array(256);
  private carryLength = 0;
  private line = 0;
  private offset = 0;

  constructor(private readonly onLine: LineHandler) {}

  push(chunk: Uint8Array): void {
    let pos = 0;
    if (this.carryLength > 0) {
      const nl = chunk.indexOf(NL);
      if (nl < 0) {
        this.keep(chunk, 0, chunk.length);
        return;
      }
      this.keep(chunk, 0, nl);
      this.emit(this.carry, 0, this.carryLength, false);
      this.offset += 1; // the newline
      this.carryLength = 0;
      pos = nl + 1;
    }
    for (;;) {
      const nl = chunk.indexOf(NL, pos);
      if (nl < 0) break;
      this.emit(chunk, pos, nl, false);
      this.offset += 1;
      pos = nl + 1;
    }
    if (pos < chunk.length) this.keep(chunk, pos, chunk.length);
  }

  /** The input ended: hands over a last line that had no newline. */
  end(): void {
    if (this.carryLength > 0) this.emit(this.carry, 0, this.carryLength, true);
    this.carryLength = 0;
  }

  private emit(buf: Uint8Array, start: number, end: number, unterminated: boolean): void {
    const length = end - start;
    this.line++;
    const trimmed = end > start && buf[end - 1] === CR ? end - 1 : end;
    this.onLine(buf, start, trimmed, this.line, this.offset, unterminated);
    this.offset += length;
  }

  private keep(chunk: Uint8Array, start: number, end: number): void {
    const need = this.carryLength + end - start;
    if (need > this.carry.length) {
      const next = new Uint8Array(Math.max(need, this.carry.length * 2));
      next.set(this.carry.subarray(0, this.carryLength));
      this.carry = next;
    }
    this.carry.set(chunk.subarray(start, end), this.carryLength);
    this.carryLength = need;
  }
}

/** Reads a decimal number (digits, an optional sign, fraction and exponent) from bytes; NaN if none. */
export function parseNumber(buf: Uint8Array, start: number, end: number): number {
  if (start >= end) return NaN;
  let value = 0;
  let i = start;
  for (; i < end; i++) {
    const c = (buf[i] as number) - 48;
    if (c < 0 || c > 9) break;
    value = value * 10 + c;
  }
  if (i === end) return value;
  // Not a plain non-negative integer: let the platform read it (rare in traces).
  let text = '';
  for (let j = start; j < end; j++) text += String.fromCharCode(buf[j] as number);
  const trimmed = text.trim();
  return trimmed === '' ? NaN : Number(trimmed);
}

/** The bytes of a field as text, shortened, for an error message. */
export function fieldText(buf: Uint8Array, start: number, end: number, max = 40): string {
  // Control characters and bytes that are not UTF-8 (a binary file read as text) show as '?'.
  const decoded = new TextDecoder().decode(buf.subarray(start, Math.min(end, start + max)));
  const text = Array.from(decoded, (ch) => {
    const c = ch.codePointAt(0) ?? 0;
    return c < 32 || c === 127 || c === 0xfffd ? '?' : ch;
  }).join('');
  return end - start > max ? `${text}…` : text;
}
