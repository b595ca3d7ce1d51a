/**
 * A binary min-heap of events ordered by (time, sequence): two events at the same time run in the
 * order they were scheduled, so ties never depend on luck. Events live in a pool of typed arrays
 * (type and two integer/float arguments); the heap holds pool slots, with each entry's time beside it
 * in `heapTime` so that sifting compares one contiguous array instead of reaching into the pool (the
 * sequence number is looked up only on a tie, which is rare). The whole queue is plain data, so a
 * snapshot is a structured clone.
 *
 * @example
 * const q = createQueue();
 * schedule(q, 5, EV_ARRIVAL, 0, 0);
 * const slot = popSlot(q); // q.time[slot] === 5
 * release(q, slot);
 */
export interface EventQueue {
  heap: Int32Array;
  /** heapTime[i] === time[heap[i]]. */
  heapTime: Float64Array;
  size: number;
  time: Float64Array;
  seq: Float64Array;
  type: Int32Array;
  a: Int32Array;
  b: Float64Array;
  free: Int32Array;
  freeCount: number;
  nextSeq: number;
}

export function createQueue(capacity = 1024): EventQueue {
  const free = new Int32Array(capacity);
  for (let i = 0; i < capacity; i++) free[i] = capacity - 1 - i;
  return {
    heap: new Int32Array(capacity),
    heapTime: new Float64Array(capacity),
    size: 0,
    time: new Float64Array(capacity),
    seq: new Float64Array(capacity),
    type: new Int32Array(capacity),
    a: new Int32Array(capacity),
    b: new Float64Array(capacity),
    free,
    freeCount: capacity,
    nextSeq: 0,
  };
}

function grow(q: EventQueue): void {
  const old = q.time.length;
  // max(1, ...): a queue created with capacity 0 must still grow.
  const cap = Math.max(1, old * 2);
  const heap = new Int32Array(cap);
  heap.set(q.heap);
  const heapTime = new Float64Array(cap);
  heapTime.set(q.heapTime);
  const time = new Float64Array(cap);
  time.set(q.time);
  const seq = new Float64Array(cap);
  seq.set(q.seq);
  const type = new Int32Array(cap);
  type.set(q.type);
  const a = new Int32Array(cap);
  a.set(q.a);
  const b = new Float64Array(cap);
  b.set(q.b);
  const free = new Int32Array(cap);
  let n = 0;
  for (let i = cap - 1; i >= old; i--) free[n++] = i;
  Object.assign(q, { heap, heapTime, time, seq, type, a, b, free, freeCount: n });
}

/** Schedules an event; returns nothing, events are not cancellable (handlers check their own state). */
export function schedule(q: EventQueue, time: number, type: number, a: number, b: number): void {
  if (q.freeCount === 0) grow(q);
  const slot = q.free[--q.freeCount]!;
  q.time[slot] = time;
  q.seq[slot] = q.nextSeq++;
  q.type[slot] = type;
  q.a[slot] = a;
  q.b[slot] = b;
  const heap = q.heap;
  const heapTime = q.heapTime;
  let i = q.size++;
  // The new event has the largest sequence number, so a parent at the same time stays ahead of it.
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const t = heapTime[parent]!;
    if (t <= time) break;
    heap[i] = heap[parent]!;
    heapTime[i] = t;
    i = parent;
  }
  heap[i] = slot;
  heapTime[i] = time;
}

/** Time of the earliest event, or Infinity when empty. */
export function peekTime(q: EventQueue): number {
  return q.size === 0 ? Infinity : q.heapTime[0]!;
}

/**
 * Removes the earliest event and returns its slot; read its fields, then `release` it.
 * Returns -1 on an empty queue rather than corrupting `size`.
 */
export function popSlot(q: EventQueue): number {
  if (q.size === 0) return -1;
  const heap = q.heap;
  const heapTime = q.heapTime;
  const seq = q.seq;
  const top = heap[0]!;
  const n = --q.size;
  const last = heap[n]!;
  const lastTime = heapTime[n]!;
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    let ct = heapTime[c]!;
    if (c + 1 < n) {
      const rt = heapTime[c + 1]!;
      if (rt < ct || (rt === ct && seq[heap[c + 1]!]! < seq[heap[c]!]!)) {
        c++;
        ct = rt;
      }
    }
    if (ct > lastTime || (ct === lastTime && seq[heap[c]!]! > seq[last]!)) break;
    heap[i] = heap[c]!;
    heapTime[i] = ct;
    i = c;
  }
  if (n > 0) {
    heap[i] = last;
    heapTime[i] = lastTime;
  }
  return top;
}

export function release(q: EventQueue, slot: number): void {
  q.free[q.freeCount++] = slot;
}
