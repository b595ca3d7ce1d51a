/**
 * The table of work in flight: client requests and the background commands they trigger (a SET
 * after a miss, a DEL after a write). Struct-of-arrays indexed by job id, with a free list, so the
 * hot path allocates nothing and a snapshot is a structured clone.
 */
export const JOB_READ = 0;
export const JOB_WRITE = 1;
/** Fire-and-forget cache commands: not client requests, no response. */
export const JOB_BG_SET = 2;
export const JOB_BG_DEL = 3;
/**
 * A read that led a coalesced fetch and now carries the refill SET: it (and the reads waiting on it) is
 * answered when Redis acknowledges the SET, so the flight covers the SET as Go's singleflight does when
 * its function writes the cache.
 */
export const JOB_READ_REFILL = 4;

export interface Jobs {
  kind: Uint8Array;
  key: Int32Array;
  instance: Int32Array;
  /** When the client sent the request. */
  start: Float64Array;
  /** Version carried: read result, or the value a SET writes. */
  version: Float64Array;
  /** When the job reached the database (for its latency). */
  dbArrive: Float64Array;
  /** The expiry of the value a GET hit returned, as the app sees it with the value (XFetch reads it). */
  servedExpiry: Float64Array;
  /** Single-flight: the next request waiting on the same fetch (-1 = none). */
  nextWaiter: Int32Array;
  /** Request id shown in traces (monotonic, unlike the reused job slot); -1 once the job is freed. */
  requestId: Float64Array;
  /** Client requests: 0 for the first attempt, k for the k-th retry (`workload.client.retries`). */
  attempt: Uint8Array;
  /** 1 once the client has given up on the request (timed out); its work goes on, unseen. */
  gone: Uint8Array;
  free: Int32Array;
  freeCount: number;
  nextRequestId: number;
}

export function createJobs(capacity = 256): Jobs {
  const free = new Int32Array(capacity);
  for (let i = 0; i < capacity; i++) free[i] = capacity - 1 - i;
  return {
    kind: new Uint8Array(capacity),
    key: new Int32Array(capacity),
    instance: new Int32Array(capacity),
    start: new Float64Array(capacity),
    version: new Float64Array(capacity),
    dbArrive: new Float64Array(capacity),
    servedExpiry: new Float64Array(capacity),
    nextWaiter: new Int32Array(capacity),
    requestId: new Float64Array(capacity),
    attempt: new Uint8Array(capacity),
    gone: new Uint8Array(capacity),
    free,
    freeCount: capacity,
    nextRequestId: 0,
  };
}

function growArray<T extends Uint8Array | Int32Array | Float64Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

function grow(j: Jobs): void {
  const old = j.kind.length;
  const cap = old * 2;
  j.kind = growArray(j.kind, cap);
  j.key = growArray(j.key, cap);
  j.instance = growArray(j.instance, cap);
  j.start = growArray(j.start, cap);
  j.version = growArray(j.version, cap);
  j.dbArrive = growArray(j.dbArrive, cap);
  j.servedExpiry = growArray(j.servedExpiry, cap);
  j.nextWaiter = growArray(j.nextWaiter, cap);
  j.requestId = growArray(j.requestId, cap);
  j.attempt = growArray(j.attempt, cap);
  j.gone = growArray(j.gone, cap);
  j.free = new Int32Array(cap);
  let n = 0;
  for (let i = cap - 1; i >= old; i--) j.free[n++] = i;
  j.freeCount = n;
}

export function allocJob(j: Jobs, kind: number, key: number, instance: number, start: number): number {
  if (j.freeCount === 0) grow(j);
  const id = j.free[--j.freeCount]!;
  j.kind[id] = kind;
  j.key[id] = key;
  j.instance[id] = instance;
  j.start[id] = start;
  j.version[id] = 0;
  j.nextWaiter[id] = -1;
  j.requestId[id] = j.nextRequestId++;
  j.attempt[id] = 0;
  j.gone[id] = 0;
  return id;
}

export function freeJob(j: Jobs, id: number): void {
  // A timer set for this request (a client timeout) must not find the slot's next occupant.
  j.requestId[id] = -1;
  j.free[j.freeCount++] = id;
}

/** Jobs currently allocated. */
export function jobsInFlight(j: Jobs): number {
  return j.kind.length - j.freeCount;
}
