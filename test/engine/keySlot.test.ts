import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  SLOT_COUNT,
  buildShardLookup,
  crc16,
  keyPrefixCrc,
  keySlot,
  keySlotBytes,
  numberedKeySlot,
  shardForSlot,
  slotRanges,
} from '../../src/engine/redis/keySlot.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('keySlot', () => {
  it('crc16 of the empty input is 0 and of "123456789" is 0x31C3', () => {
    expect(crc16(new Uint8Array(0))).toBe(0);
    expect(crc16(utf8('123456789'))).toBe(0x31c3);
  });

  it('hash tags: first { and the first } after it, non-empty', () => {
    expect(keySlot('user:{42}:profile')).toBe(keySlot('42'));
    expect(keySlot('user:{42}:cart')).toBe(keySlot('user:{42}:profile'));
    expect(keySlot('{}')).toBe(crc16(utf8('{}')) & 0x3fff); // empty tag: whole key
    expect(keySlot('a}b{c')).toBe(crc16(utf8('a}b{c')) & 0x3fff); // } before {: whole key
    expect(keySlot('a{b')).toBe(crc16(utf8('a{b')) & 0x3fff); // no closing brace
    expect(keySlot('x{{y}')).toBe(keySlot('{y')); // the tag may contain {
  });

  it('string and byte versions agree, and slots are in range', () => {
    for (const k of ['', 'a', 'product:123', 'ключ{tag}', '{😀}', 'x'.repeat(1000)]) {
      const s = keySlot(k);
      expect(s).toBe(keySlotBytes(utf8(k)));
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(SLOT_COUNT);
    }
  });

  it('replicated hot-key copies spread over shards', () => {
    const lookup = buildShardLookup(3);
    const shards = new Set(Array.from({ length: 8 }, (_, r) => lookup[keySlot(`hot:r${r}`)]));
    expect(shards.size).toBeGreaterThan(1);
  });
});

describe('numberedKeySlot', () => {
  it('equals keySlot of the built name for any prefix without a brace and any rank', () => {
    const prefix = fc.string({ unit: 'binary', maxLength: 12 }).filter((p) => !p.includes('{'));
    fc.assert(
      fc.property(prefix, fc.nat({ max: 2 ** 31 - 1 }), (p, n) => {
        expect(numberedKeySlot(keyPrefixCrc(p)!, n)).toBe(keySlot(`${p}${n}`));
      }),
      { seed: 7, numRuns: 2000 },
    );
    for (const n of [0, 9, 10, 99, 100, 99_999, 100_000, 1_999_999]) {
      expect(numberedKeySlot(keyPrefixCrc('key:')!, n)).toBe(keySlot(`key:${n}`));
    }
  });

  it('declines a prefix with a brace, where a hash tag may start', () => {
    expect(keyPrefixCrc('{user}:')).toBeNull();
    expect(keyPrefixCrc('a{b:')).toBeNull();
  });
});

describe('slot ranges and shard lookup', () => {
  it('one shard owns everything; bad counts throw', () => {
    expect(slotRanges(1)).toEqual([[0, 16383]]);
    expect(() => slotRanges(0)).toThrow(RangeError);
    expect(() => slotRanges(2.5)).toThrow(RangeError);
    expect(() => buildShardLookup(SLOT_COUNT + 1)).toThrow(RangeError);
  });

  it('ranges are balanced to within one slot', () => {
    for (const n of [2, 3, 5, 6, 7, 10, 16, 64]) {
      const sizes = slotRanges(n).map(([a, b]) => b - a + 1);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      expect(sizes.reduce((s, x) => s + x, 0)).toBe(SLOT_COUNT);
    }
  });

  it('shardForSlot and the lookup table agree on every slot', () => {
    for (const n of [1, 3, 7, 16, 128, 300]) {
      const ranges = slotRanges(n);
      const lookup = buildShardLookup(n);
      expect(lookup).toHaveLength(SLOT_COUNT);
      for (let slot = 0; slot < SLOT_COUNT; slot++) expect(lookup[slot]).toBe(shardForSlot(ranges, slot));
    }
    const three = slotRanges(3);
    expect([0, 5460, 5461, 10922, 10923, 16383].map((s) => shardForSlot(three, s))).toEqual([
      0, 0, 1, 1, 2, 2,
    ]);
    expect(shardForSlot(three, 16384)).toBe(-1);
  });
});
