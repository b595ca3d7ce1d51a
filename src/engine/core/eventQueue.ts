/**
 * A binary min-heap of events ordered by (time, sequence): two events at the same time run in the
 * order they were scheduled, so ties never depend on luck. Events live in a pool of typed arrays
 * (type and two integer/float arguments); the heap holds pool slots. The whole queue is plain data,
 * so a snapshot is a structured clone.
 *
 * @example
 * const q = createQueue();
 * schedule(q, 5, EV_ARRIVAL, 0, 0);
 * const slot = popSlot(q); // q.time[slot] === 5
 * release(q, slot);
 */
export interface EventQueue {
  heap: Int32Array;
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
  Object.assign(q, { heap, time, seq, type, a, b, free, freeCount: n });
}

function less(q: EventQueue, i: number, j: number): boolean {
  const ti = q.time[i]!;
  const tj = q.time[j]!;
  return ti < tj || (ti === tj && q.seq[i]! < q.seq[j]!);
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
  let i = q.size++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent]!;
    if (!less(q, slot, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = slot;
}

/** Time of the earliest event, or Infinity when empty. */
export function peekTime(q: EventQueue): number {
  return q.size === 0 ? Infinity : q.time[q.heap[0]!]!;
}

/**
 * Removes the earliest event and returns its slot; read its fields, then `release` it.
 * Returns -1 on an empty queue rather than corrupting `size`.
 */
export function popSlot(q: EventQueue): number {
  if (q.size === 0) return -1;
  const heap = q.heap;
  const top = heap[0]!;
  const last = heap[--q.size]!;
  const n = q.size;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    let c = l;
    if (r < n && less(q, heap[r]!, heap[l]!)) c = r;
    if (!less(q, heap[c]!, last)) break;
    heap[i] = heap[c]!;
    i = c;
  }
  if (n > 0) heap[i] = last;
  return top;
}

export function release(q: EventQueue, slot: number): void {
  q.free[q.freeCount++] = slot;
}
