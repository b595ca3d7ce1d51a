import type { Model } from '../../flow/model.ts';

/**
 * Write-behind's mutable state, as plain typed arrays and numbers so that a snapshot captures it
 * exactly. Only a run that uses the strategy gets it (`null` otherwise), so other runs carry nothing.
 */

/** A FIFO of writes (key, acknowledged version, time acknowledged) in a growable ring buffer. */
export interface WriteQueue {
  key: Int32Array;
  version: Float64Array;
  at: Float64Array;
  head: number;
  len: number;
}

/** Rows a flusher has handed to the database and that have not committed yet. */
export interface Batch {
  key: Int32Array;
  version: Float64Array;
  at: Float64Array;
  /** Rows in the batch; 0 = the buffer is free. */
  n: number;
  instance: number;
}

export interface WriteBehindState {
  /** One queue per app instance (with `queueIn: 'redis'`, the instance's list in Redis). */
  queues: WriteQueue[];
  /** Batches in flight per instance, and whether a flush interval elapsed while one was. */
  inFlight: Int32Array;
  tickMissed: Uint8Array;
  /** Per instance: 1 while its flusher's next interval is scheduled (it stops once drained, see writeBehind.ts). */
  ticking: Uint8Array;
  batches: Batch[];
  /** Per key: 1 while the row holds an older version than one applied before (unordered flushes). */
  regressed: Uint8Array;
  acknowledged: number;
  flushedRows: number;
  batchesSent: number;
  lost: number;
  regressions: number;
  regressionStaleReads: number;
  maxDepth: number;
  maxLagMs: number;
  lagSumMs: number;
  /** Largest lag seen at a sample instant (the samples themselves are in the run's `Series`). */
  maxSampledLagMs: number;
}

export function createQueue(capacity = 64): WriteQueue {
  return {
    key: new Int32Array(capacity),
    version: new Float64Array(capacity),
    at: new Float64Array(capacity),
    head: 0,
    len: 0,
  };
}

/** Appends at the tail, doubling the ring (unrolled in order) when it is full. */
export function pushWrite(q: WriteQueue, key: number, version: number, at: number): void {
  const cap = q.key.length;
  if (q.len === cap) {
    const k = new Int32Array(cap * 2);
    const v = new Float64Array(cap * 2);
    const a = new Float64Array(cap * 2);
    for (let i = 0; i < q.len; i++) {
      const from = (q.head + i) % cap;
      k[i] = q.key[from]!;
      v[i] = q.version[from]!;
      a[i] = q.at[from]!;
    }
    q.key = k;
    q.version = v;
    q.at = a;
    q.head = 0;
  }
  const slot = (q.head + q.len) % q.key.length;
  q.key[slot] = key;
  q.version[slot] = version;
  q.at[slot] = at;
  q.len++;
}

/** Write-behind's state when the run starts with it; null under any other strategy. */
export function createWriteBehindState(m: Model): WriteBehindState | null {
  return m.scenario.cache.strategy === 'write-behind' ? newWriteBehindState(m) : null;
}

/** Empty queues and flushers for every instance (at the start, or when a change switches to write-behind). */
export function newWriteBehindState(m: Model): WriteBehindState {
  const n = m.scenario.topology.instances;
  return {
    queues: Array.from({ length: n }, () => createQueue()),
    inFlight: new Int32Array(n),
    tickMissed: new Uint8Array(n),
    ticking: new Uint8Array(n),
    batches: [],
    regressed: new Uint8Array(m.keyCount), // one per key
    acknowledged: 0,
    flushedRows: 0,
    batchesSent: 0,
    lost: 0,
    regressions: 0,
    regressionStaleReads: 0,
    maxDepth: 0,
    maxLagMs: 0,
    lagSumMs: 0,
    maxSampledLagMs: 0,
  };
}
