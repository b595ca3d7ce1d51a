/**
 * The decompressed-length walk agrees with lz-string on every payload it makes (the bomb itself, a
 * short link expanding past the limit, is in url.test.ts).
 */
import fc from 'fast-check';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decompressesBeyond } from '../../src/scenario/lzLength.ts';

describe('decompressesBeyond', () => {
  it('finds the exact length lz-string decompresses to, for any text', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 400 }),
      fc.string({ unit: fc.constantFrom('a', 'b', '{', '"'), maxLength: 3000 }),
    );
    fc.assert(
      fc.property(text, (s) => {
        const payload = compressToEncodedURIComponent(s);
        const length = decompressFromEncodedURIComponent(payload).length;
        expect(decompressesBeyond(payload, length)).toBe(false);
        if (length > 0) expect(decompressesBeyond(payload, length - 1)).toBe(true);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('leaves a payload it cannot read to lz-string (no claim either way)', () => {
    for (const junk of ['', '!!!!', 'A', '$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$'])
      expect(decompressesBeyond(junk, 10)).toBe(false);
  });
});
