/**
 * fidelity.md section 6: Redis Cluster key slots must match redis/src/cluster.c and crc16.c exactly, for
 * any key. The reference here is deliberately independent: a bitwise CRC16 and a byte-level hash-tag scan
 * over TextEncoder output, against the table-driven, encode-on-the-fly implementation.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { crc16, keySlot, keySlotBytes, slotRanges } from '../../src/engine/redis/keySlot.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** CRC16-XMODEM one bit at a time, straight from the polynomial definition. */
function bitwiseCrc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** cluster.c keyHashSlot, over bytes, with the bitwise CRC. */
function referenceSlot(key: string): number {
  const b = utf8(key);
  const open = b.indexOf(0x7b);
  if (open !== -1) {
    const close = b.indexOf(0x7d, open + 1);
    if (close > open + 1) return bitwiseCrc16(b.subarray(open + 1, close)) % 16384;
  }
  return bitwiseCrc16(b) % 16384;
}

describe('CRC16-XMODEM', () => {
  it('gives 0x31C3 for "123456789"', () => {
    expect(crc16(utf8('123456789'))).toBe(0x31c3);
    expect(bitwiseCrc16(utf8('123456789'))).toBe(0x31c3);
  });

  it('agrees with the bitwise reference on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => crc16(b) === bitwiseCrc16(b)),
      { seed: 16384 },
    );
  });
});

describe('keySlot matches the published slots', () => {
  it.each([
    ['somekey', 11058],
    ['foo{hash_tag}', 2515],
    ['bar{hash_tag}', 2515],
    ['{user1000}.following', 3443],
    ['foo{}{bar}', 8363],
    ['foo{{bar}}zap', 4015],
    ['foo{bar}{zap}', 5061],
  ])('%s -> %i', (key, slot) => {
    expect(keySlot(key)).toBe(slot);
    expect(keySlotBytes(utf8(key))).toBe(slot);
    expect(referenceSlot(key)).toBe(slot);
  });
});

describe('non-ASCII keys', () => {
  it.each([
    'café{ünïcödé}:1',
    '用户{订单}:42',
    '{😀}emoji',
    'Ωmega{}{β}',
    '{ключ}',
    'naïve{{tag}}',
    'a{b}c{d}',
  ])('%s hashes its UTF-8 bytes like cluster.c', (key) => {
    expect(keySlot(key)).toBe(referenceSlot(key));
    expect(keySlotBytes(utf8(key))).toBe(referenceSlot(key));
  });

  it('a hash tag in any script maps like the tag alone', () => {
    expect(keySlot('用户:{订单}:42')).toBe(bitwiseCrc16(utf8('订单')) % 16384);
    expect(keySlot('x{😀}y')).toBe(keySlot('😀'));
  });

  it('lone surrogates are encoded as U+FFFD, as TextEncoder does', () => {
    expect(keySlot('a\ud800b')).toBe(referenceSlot('a\ud800b'));
    expect(keySlot('{\udc00}x')).toBe(bitwiseCrc16(utf8('\ufffd')) % 16384);
  });

  it('agrees with the reference for arbitrary Unicode strings (property)', () => {
    const anyKey = fc.string({
      unit: fc.constantFrom('{', '}', 'a', 'é', '€', '😀', '\ud83d'),
      maxLength: 12,
    });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 24 }), anyKey), (key) => {
        return keySlot(key) === referenceSlot(key);
      }),
      { seed: 11058, numRuns: 500 },
    );
  });
});

describe('hash tags', () => {
  it('any key whose first brace pair is {tag} maps like tag (property)', () => {
    const noOpen = fc.string({ unit: 'binary', maxLength: 10 }).filter((s) => !s.includes('{'));
    const tag = fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }).filter((s) => !s.includes('}'));
    const anything = fc.string({ unit: 'binary', maxLength: 10 });
    fc.assert(
      fc.property(noOpen, tag, anything, (pre, t, post) => keySlot(`${pre}{${t}}${post}`) === keySlot(t)),
      { seed: 2515, numRuns: 500 },
    );
  });
});

describe('slot ranges as redis-cli --cluster create assigns them', () => {
  it('3 masters: 0-5460, 5461-10922, 10923-16383', () => {
    expect(slotRanges(3)).toEqual([
      [0, 5460],
      [5461, 10922],
      [10923, 16383],
    ]);
  });

  it.each([1, 2, 5, 7, 16, 100])('%i masters cover every slot once, contiguously', (n) => {
    const r = slotRanges(n);
    expect(r).toHaveLength(n);
    expect(r[0]![0]).toBe(0);
    expect(r[n - 1]![1]).toBe(16383);
    for (let i = 1; i < n; i++) expect(r[i]![0]).toBe(r[i - 1]![1] + 1);
  });
});
