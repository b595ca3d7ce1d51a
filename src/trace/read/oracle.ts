import type { RecordParser, TraceSink } from './sink.ts';
import { OP_GET } from '../types.ts';

/** libCacheSim's oracleGeneral record: u32 time (s), u64 object id, u32 size, i64 next access. */
export const ORACLE_RECORD_BYTES = 24;

/**
 * Reads oracleGeneral records, little-endian. The next-access field is libCacheSim's own
 * precomputation; it is not needed (the curves compute what they need) and is skipped.
 */
export function oracleParser(sink: TraceSink): RecordParser {
  const partial = new Uint8Array(ORACLE_RECORD_BYTES);
  let partialLength = 0;
  let records = 0;

  const record = (view: DataView, at: number): void => {
    const timeS = view.getUint32(at, true);
    const key = sink.keyOfU64(view.getUint32(at + 4, true), view.getUint32(at + 8, true));
    sink.add(key, timeS * 1000, view.getUint32(at + 12, true), OP_GET, 0);
    records++;
  };

  return {
    hasSizes: true,
    push(bytes) {
      let pos = 0;
      if (partialLength > 0) {
        const take = Math.min(ORACLE_RECORD_BYTES - partialLength, bytes.length);
        partial.set(bytes.subarray(0, take), partialLength);
        partialLength += take;
        pos = take;
        if (partialLength < ORACLE_RECORD_BYTES) return;
        record(new DataView(partial.buffer), 0);
        partialLength = 0;
      }
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (; pos + ORACLE_RECORD_BYTES <= bytes.length; pos += ORACLE_RECORD_BYTES) record(view, pos);
      if (pos < bytes.length) {
        partial.set(bytes.subarray(pos), 0);
        partialLength = bytes.length - pos;
      }
    },
    end() {
      if (partialLength === 0) return null;
      const n = records.toLocaleString('en-US');
      const at = (records * ORACLE_RECORD_BYTES).toLocaleString('en-US');
      return `the file ends ${partialLength} bytes into record ${(records + 1).toLocaleString('en-US')} (byte ${at}); read the ${n} whole records before it`;
    },
  };
}
