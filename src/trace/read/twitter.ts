import { badLine, type RecordParser, type TraceSink } from './sink.ts';
import { fieldText, LineSplitter, parseNumber } from './lines.ts';
import { opCode, OPS_LIST } from './ops.ts';
import { opKind } from '../types.ts';

const COMMA = 44;
const FIELDS = 'timestamp, key, key size, value size, client id, operation, TTL';

/**
 * The open Twitter cache trace: `timestamp,anonymized key,key size,value size,client id,operation,TTL`,
 * no header, the timestamp in seconds. The object's size is key size + value size (what the cache
 * stores). A read that missed carries value size 0 in these traces, so a read of size 0 takes the
 * last size seen for its key. The key is everything between the first comma and the fifth comma from
 * the end, so a key that contains commas still reads.
 */
export function twitterParser(sink: TraceSink): RecordParser {
  let truncated: string | null = null;
  let lastValue = new Uint32Array(1 << 12);
  const commas = new Int32Array(5);

  const onLine = (
    buf: Uint8Array,
    start: number,
    end: number,
    line: number,
    offset: number,
    cut: boolean,
  ) => {
    if (start === end || truncated) return;
    const bad = (what: string) => {
      truncated = badLine(line, offset, cut, what);
    };
    const first = buf.indexOf(COMMA, start);
    let found = 0;
    for (let i = end - 1; i > first && found < 5; i--) if (buf[i] === COMMA) commas[4 - found++] = i;
    if (first < 0 || first >= end || found < 5) {
      return bad(`expected 7 comma-separated fields (${FIELDS})`);
    }
    const [c3, c4, c5, c6, c7] = commas as unknown as [number, number, number, number, number];
    const timeS = parseNumber(buf, start, first);
    if (!(timeS >= 0))
      return bad(`the timestamp "${fieldText(buf, start, first)}" is not a number of seconds`);
    const keySize = parseNumber(buf, c3 + 1, c4);
    const valueSize = parseNumber(buf, c4 + 1, c5);
    if (!Number.isInteger(keySize) || keySize < 0 || !Number.isInteger(valueSize) || valueSize < 0) {
      return bad(
        `key size "${fieldText(buf, c3 + 1, c4)}" and value size "${fieldText(buf, c4 + 1, c5)}" must be whole numbers of bytes`,
      );
    }
    const op = opCode(buf, c6 + 1, c7);
    if (op < 0) return bad(`unknown operation "${fieldText(buf, c6 + 1, c7)}" (one of ${OPS_LIST})`);
    const ttl = parseNumber(buf, c7 + 1, end);
    if (!(ttl >= 0)) return bad(`the TTL "${fieldText(buf, c7 + 1, end)}" is not a number of seconds`);
    if (first + 1 === c3) return bad('the key is empty');
    const key = sink.keyOfBytes(buf, first + 1, c3);
    let value = valueSize;
    if (key >= 0) {
      if (key >= lastValue.length) {
        const next = new Uint32Array(lastValue.length * 2);
        next.set(lastValue);
        lastValue = next;
      }
      if (value === 0 && opKind(op) === 'read') value = lastValue[key] as number;
      else if (opKind(op) !== 'delete') lastValue[key] = value;
    }
    sink.add(key, timeS * 1000, keySize + value, op, Math.round(ttl));
  };

  const lines = new LineSplitter(onLine);
  return {
    hasSizes: true,
    push: (bytes) => {
      if (!truncated) lines.push(bytes);
    },
    end: () => {
      lines.end();
      return truncated;
    },
  };
}
