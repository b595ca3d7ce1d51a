/**
 * A cache trace read into memory: one request per index, in struct-of-arrays form so ten million
 * requests take about 170 MB and no object per request. Keys are interned to dense integer ids
 * (0..uniqueKeys-1, in order of first appearance), so every analysis indexes arrays, never hashes
 * strings.
 */

/** The three formats read (docs/traces.md). */
export type TraceFormat = 'twitter' | 'oracle' | 'csv';

export const TRACE_FORMATS: readonly TraceFormat[] = ['twitter', 'oracle', 'csv'];

/** Operation codes (`Trace.op`): the Twitter trace's eleven operations, in its README's order. */
export const OP_NAMES = [
  'get',
  'gets',
  'set',
  'add',
  'replace',
  'cas',
  'append',
  'prepend',
  'delete',
  'incr',
  'decr',
] as const;
export type OpName = (typeof OP_NAMES)[number];
export const OP_GET = 0;
export const OP_DELETE = 8;

/** What an operation does to the cached object: a read, a write (stores a value) or a delete. */
export type OpKind = 'read' | 'write' | 'delete';

export function opKind(op: number): OpKind {
  if (op <= 1) return 'read';
  return op === OP_DELETE ? 'delete' : 'write';
}

export interface Trace {
  format: TraceFormat;
  /** Requests kept (all of them unless `sampleRate` < 1). */
  length: number;
  /** When each request arrived, in milliseconds on the trace's own clock. */
  timeMs: Float64Array;
  /** The interned key of each request. */
  key: Uint32Array;
  /** The object's size in bytes (1 when the trace gives no size: cache sizes are then object counts). */
  size: Uint32Array;
  /** Operation code, an index into OP_NAMES (always `get` for oracleGeneral). */
  op: Uint8Array;
  /** TTL in seconds given by the request (0 = none), or null when the trace has no TTLs. */
  ttlS: Uint32Array | null;
  /** Distinct keys among the kept requests. */
  uniqueKeys: number;
  /** Whether the format gives object sizes at all. */
  hasSizes: boolean;
  /**
   * The SHARDS rate: the fraction of keys kept (by a hash of the key, so a kept key keeps all its
   * requests). 1 means the trace is complete.
   */
  sampleRate: number;
  /** Requests in the input, kept or not. */
  requestsRead: number;
  /** Sum of the sizes of every request in the input, kept or not. */
  bytesRequested: number;
  /** Bytes of input consumed (after decompression). */
  inputBytes: number;
  /** Set when the input ended in the middle of a record: what was read and where it stopped. */
  truncated: string | null;
}

/** Bad input: the message names the line or byte offset and what was wrong. */
export class TraceError extends Error {
  override name = 'TraceError';
}
