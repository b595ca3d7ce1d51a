/** The calibration's RESP client: commands as arrays of bulk strings, replies parsed as they arrive. */
import { zipfShare } from '../../src/cli/calibrate/runCase.ts';
import { describe, expect, it } from 'vitest';
import { encodeCommand, infoFields, parseReply, RedisReplyError } from '../../src/cli/calibrate/resp.ts';

describe('RESP', () => {
  it('encodes a command as an array of bulk strings, lengths in bytes', () => {
    expect(encodeCommand(['SET', 'clé', 42]).toString()).toBe('*3\r\n$3\r\nSET\r\n$4\r\nclé\r\n$2\r\n42\r\n');
  });

  it('parses each reply type, and waits for the rest of a reply cut by the network', () => {
    const buf = Buffer.from('+OK\r\n:12\r\n$-1\r\n$5\r\nhello\r\n*2\r\n$1\r\na\r\n:3\r\n-ERR no\r\n');
    const replies: unknown[] = [];
    for (let pos = 0; pos < buf.length;) {
      const r = parseReply(buf, pos)!;
      replies.push(r.reply);
      pos = r.next;
    }
    expect(replies.slice(0, 5)).toEqual(['OK', 12, null, 'hello', ['a', 3]]);
    expect(replies[5]).toBeInstanceOf(RedisReplyError);
    expect(parseReply(Buffer.from('$5\r\nhel'), 0)).toBeNull();
    expect(parseReply(Buffer.from('*2\r\n$1\r\na\r\n'), 0)).toBeNull();
    expect(parseReply(Buffer.from(':1'), 0)).toBeNull();
  });

  it('parses RESP3 (after HELLO 3) with the same parser, telling pushes from replies', () => {
    const buf = Buffer.from(
      '#t\r\n_\r\n,1.5\r\n=7\r\ntxt:abc\r\n%1\r\n+k\r\n:2\r\n>2\r\n$10\r\ninvalidate\r\n*1\r\n$5\r\nkey:1\r\n',
    );
    const out: { reply: unknown; push: boolean }[] = [];
    for (let pos = 0; pos < buf.length;) {
      const r = parseReply(buf, pos)!;
      out.push({ reply: r.reply, push: r.push });
      pos = r.next;
    }
    expect(out).toEqual([
      { reply: true, push: false },
      { reply: null, push: false },
      { reply: 1.5, push: false },
      { reply: 'abc', push: false },
      { reply: ['k', 2], push: false },
      { reply: ['invalidate', ['key:1']], push: true },
    ]);
    const blob = parseReply(Buffer.from('!3\r\nbad\r\n'), 0)!;
    expect(blob.reply).toEqual(new RedisReplyError('bad'));
    expect(blob.next).toBe(9);
  });

  it('reads the numeric fields of an INFO reply', () => {
    const info =
      '# Memory\r\nused_memory:1662368\r\nmem_allocator:jemalloc-5.3.0\r\nmem_fragmentation_ratio:1.5\r\n';
    expect(infoFields(info)).toEqual({ used_memory: 1_662_368, mem_fragmentation_ratio: 1.5 });
  });
});

describe('the hit-ratio allowance for keys lost to reply blocks', () => {
  it('is the Zipf popularity of the ranks the real run went without', () => {
    // Three keys, s = 1: weights 1, 1/2, 1/3.
    const total = 1 + 1 / 2 + 1 / 3;
    expect(zipfShare({ keys: 3, zipf: 1 }, 1, 3)).toBeCloseTo((1 / 2 + 1 / 3) / total, 12);
    expect(zipfShare({ keys: 3, zipf: 1 }, 2, 2)).toBe(0);
    expect(zipfShare({ keys: 10, zipf: 0.8 }, 0, 10)).toBeCloseTo(1, 12);
  });
});
