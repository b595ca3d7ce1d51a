/**
 * The length a link's payload would decompress to, found without building the text. lz-string's
 * format lets a payload of n characters expand to about n² characters (each dictionary entry one
 * longer than the last), so 64 KB of link could ask for a gigabyte of text. lz-string has no limit of
 * its own; this walks the same codes keeping only each dictionary entry's length (a few operations per
 * code, whatever the entries' size). A payload lz-string cannot read (a stream cut off before its end
 * code, an unknown code) decompresses to nothing there, so it is left to lz-string to report.
 */

/** lz-string's URI-safe alphabet: each character carries 6 bits, lowest bit first. */
const URI_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const CHAR_BITS = 6;
/** Codes 0 and 1 introduce an 8- or 16-bit literal; 2 ends the stream. */
const LITERAL_8 = 0;
const LITERAL_16 = 1;
const END = 2;

function bitReader(payload: string) {
  const value = (i: number) => Math.max(0, URI_SAFE.indexOf(payload.charAt(i)));
  let current = value(0);
  let mask = 1 << (CHAR_BITS - 1);
  let next = 1;
  return {
    read(count: number): number {
      let bits = 0;
      for (let i = 0; i < count; i++) {
        if (current & mask) bits |= 1 << i;
        mask >>= 1;
        if (mask === 0) {
          mask = 1 << (CHAR_BITS - 1);
          current = value(next++);
        }
      }
      return bits;
    },
    /** True once the reader has gone past the payload (lz-string then gives up). */
    exhausted: () => next > payload.length,
  };
}

/**
 * True when `decompressFromEncodedURIComponent(payload)` would return more than `limit` characters.
 *
 * @example decompressesBeyond(compressToEncodedURIComponent('a'.repeat(2_000_000)), 1_000_000) // true
 */
export function decompressesBeyond(payload: string, limit: number): boolean {
  const bits = bitReader(payload);
  const first = bits.read(2);
  if (first !== LITERAL_8 && first !== LITERAL_16) return false;
  bits.read(first === LITERAL_8 ? 8 : 16);
  // Entry lengths by code; codes 0-2 are commands, not entries.
  const lengths = [0, 0, 0, 1];
  let codeBits = 3;
  let enlargeIn = 4;
  let previous = 1;
  let total = 1;
  const grow = () => {
    if (--enlargeIn > 0) return;
    enlargeIn = 2 ** codeBits;
    codeBits++;
  };
  for (;;) {
    if (bits.exhausted()) return false;
    let code = bits.read(codeBits);
    if (code === END) return total > limit;
    if (code === LITERAL_8 || code === LITERAL_16) {
      bits.read(code === LITERAL_8 ? 8 : 16);
      code = lengths.push(1) - 1;
      grow();
    }
    const entry = code < lengths.length ? lengths[code]! : code === lengths.length ? previous + 1 : -1;
    if (entry < 0) return false;
    total += entry;
    lengths.push(previous + 1);
    previous = entry;
    grow();
  }
}
