import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { TraceReader, type ReadOptions } from '../../src/trace/read/index.ts';
import { TraceError, type Trace } from '../../src/trace/types.ts';
import { oracleBytes } from './helpers/oracleBytes.ts';

const text = (s: string) => new TextEncoder().encode(s);

/** Reads bytes cut into chunks at the given offsets. */
function read(bytes: Uint8Array, options: ReadOptions = {}, cuts: number[] = []): Trace {
  const reader = new TraceReader(options);
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b)) {
    reader.push(bytes.subarray(at, cut));
    at = cut;
  }
  reader.push(bytes.subarray(at));
  return reader.finish();
}

const requests = (t: Trace) =>
  Array.from(t.key, (k, i) => [t.timeMs[i], k, t.size[i], t.op[i], t.ttlS?.[i] ?? 0]);

const twitter = [
  '0,nz:u:aaa,10,100,3,get,0',
  '1,nz:u:bbb,10,200,3,set,3600',
  '1,nz:u:aaa,10,0,4,get,0', // a read that missed: value size 0, takes the last size seen
  '2,nz:u:a,b,12,50,4,add,60', // a key with a comma in it
  '3,nz:u:bbb,10,0,3,delete,0',
].join('\n');

describe('trace readers', () => {
  it('reads the Twitter format: seconds to ms, key + value size, operations, TTLs, keys with commas', () => {
    const t = read(text(twitter + '\n'));
    expect(t.format).toBe('twitter');
    expect(requests(t)).toEqual([
      [0, 0, 110, 0, 0],
      [1000, 1, 210, 2, 3600],
      [1000, 0, 110, 0, 0],
      [2000, 2, 62, 3, 60],
      [3000, 1, 10, 8, 0],
    ]);
    expect(t.uniqueKeys).toBe(3);
  });

  it('reads the plain CSV with any of its optional columns, quoted keys and CRLF line ends', () => {
    const t = read(
      text('time_ms,key,size,op,ttl_s\r\n5,"a,""b""",100,set,30\r\n7,k2,20,,\r\n9,"a,""b""",100,get,0\r\n'),
    );
    expect(t.format).toBe('csv');
    expect(requests(t)).toEqual([
      [5, 0, 100, 2, 30],
      [7, 1, 20, 0, 0],
      [9, 0, 100, 0, 0],
    ]);
    const bare = read(text('time_ms,key\n1,x\n2,y\n3,x'));
    expect(requests(bare)).toEqual([
      [1, 0, 1, 0, 0],
      [2, 1, 1, 0, 0],
      [3, 0, 1, 0, 0],
    ]);
    expect(bare.hasSizes).toBe(false);
    expect(bare.ttlS).toBeNull();
  });

  it('reads oracleGeneral records with 64-bit ids, raw or compressed with zstd', () => {
    const raw = oracleBytes(3000, 5);
    const t = read(raw, { fileBytes: raw.length });
    expect(t.format).toBe('oracle');
    expect(t.length).toBe(3000);
    const view = new DataView(raw.buffer);
    expect(t.timeMs[10]).toBe(view.getUint32(240, true) * 1000);
    expect(t.size[10]).toBe(view.getUint32(252, true));
    // Ids that differ only in their high half are different keys.
    const ids = new Set<string>();
    for (let i = 0; i < 3000; i++)
      ids.add(`${view.getUint32(i * 24 + 4, true)}:${view.getUint32(i * 24 + 8, true)}`);
    expect(t.uniqueKeys).toBe(ids.size);
    const zst = new Uint8Array(
      readFileSync(new URL('./fixtures/gen.oracleGeneral.bin.zst', import.meta.url)),
    );
    const z = read(zst, {}, [1, 100, 5000]);
    expect(z.truncated).toBeNull();
    expect(requests(z)).toEqual(requests(t));
  });

  it('gives the same requests however the bytes are chunked', () => {
    const zst = new Uint8Array(
      readFileSync(new URL('./fixtures/gen.oracleGeneral.bin.zst', import.meta.url)),
    );
    const inputs = [
      text(twitter),
      text('time_ms,key,size\n1,"q,1",3\n2,b,4\n3,"q,1",3\n'),
      oracleBytes(40, 2),
      zst,
    ];
    for (const bytes of inputs) {
      const whole = requests(read(bytes));
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), (cuts) => {
          expect(requests(read(bytes, {}, cuts))).toEqual(whole);
        }),
        { numRuns: 100 },
      );
    }
  });

  it('names the line, byte offset and problem of a bad line', () => {
    const bad =
      (s: string, opts: ReadOptions = {}) =>
      () =>
        read(text(s), opts);
    expect(bad('0,k,1,2,3,get,0\n1,k,1,2,3,fetch,0\n2,k,1,2,3,get,0\n')).toThrow(
      'line 2 (byte 16): unknown operation "fetch"',
    );
    expect(bad('0,k,1,2,3,get,0\nx,k,1,2,3,get,0\n')).toThrow(
      'line 2 (byte 16): the timestamp "x" is not a number',
    );
    expect(bad('0,k,1,2,3,get,0\n1,k,1,2,get,0\n')).toThrow(
      'line 2 (byte 16): expected 7 comma-separated fields',
    );
    expect(bad('time_ms,key,size\n1,a,3\n2,b,-4\n3,c,5\n')).toThrow(
      'line 3 (byte 23): size "-4" is not a whole number',
    );
    expect(bad('time_ms,key,size\n1,a\n')).toThrow(
      'line 2 (byte 17): expected 3 fields (time_ms,key,size), found 2',
    );
    expect(bad('time_ms,key,colour\n')).toThrow('line 1: unknown column "colour"');
    expect(bad('hello world\n')).toThrow('cannot tell the trace format from its first line "hello world"');
    expect(bad('')).toThrow('the file is empty');
    expect(bad('time_ms,key\n')).toThrow('the file holds no requests');
    expect(bad('time_ms,key\n1,a\n', { format: 'twitter' })).toThrow(TraceError);
  });

  it('reads a truncated file up to its last whole record and says where it stopped', () => {
    const t = read(text('0,k,1,2,3,get,0\n1,j,1,2,3,set,0\n2,k,1,2'));
    expect(t.length).toBe(2);
    expect(t.truncated).toBe(
      'the file ends in the middle of line 3 (byte 32) (expected 7 comma-separated fields (timestamp, key, key size, value size, client id, operation, TTL)); read the 2 lines before it',
    );
    const raw = oracleBytes(10, 1);
    const cut = read(raw.subarray(0, 24 * 7 + 5));
    expect(cut.length).toBe(7);
    expect(cut.truncated).toBe(
      'the file ends 5 bytes into record 8 (byte 168); read the 7 whole records before it',
    );
    const zst = new Uint8Array(
      readFileSync(new URL('./fixtures/gen.oracleGeneral.bin.zst', import.meta.url)),
    );
    const z = read(zst.subarray(0, 6000));
    expect(z.length).toBeGreaterThan(0);
    expect(z.length).toBeLessThan(3000);
    expect(z.truncated).toMatch(/^the compressed stream ends early \(after 6,000 bytes of the file\)/);
  });

  it('keeps every request of the keys in a SHARDS sample and counts the whole input', () => {
    const raw = oracleBytes(3000, 5);
    const full = read(raw);
    const half = read(raw, { sampleRate: 0.5 });
    expect(half.requestsRead).toBe(3000);
    expect(half.bytesRequested).toBe(full.bytesRequested);
    expect(half.length).toBeLessThan(3000);
    expect(half.uniqueKeys).toBeGreaterThan(full.uniqueKeys * 0.35);
    expect(half.uniqueKeys).toBeLessThan(full.uniqueKeys * 0.65);
    // A kept key keeps all its requests: count per kept key equals its count in the full trace.
    const count = (t: Trace) => {
      const m = new Map<number, number>();
      for (const k of t.key) m.set(k, (m.get(k) ?? 0) + 1);
      return [...m.values()].sort((a, b) => a - b);
    };
    const fullCounts = count(full);
    for (const c of count(half)) expect(fullCounts).toContain(c);
    expect(() => read(raw, { sampleRate: 0 })).toThrow('the sample rate must be above 0 and at most 1');
  });
});
