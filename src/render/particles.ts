/**
 * Particles in flight as a struct of typed arrays: thousands of hops per frame without allocating an
 * object per hop (design rule 3). Index i across every array describes one particle.
 */
export interface ParticleBuffer {
  readonly capacity: number;
  count: number;
  from: Uint16Array;
  to: Uint16Array;
  /** Simulated time at which the particle leaves `from`. */
  start: Float64Array;
  /** Simulated time at which it reaches `to` (stretched so it stays visible; see the driver). */
  end: Float64Array;
  requestId: Float64Array;
  /** Outcome code (see palette OUTCOME_CODES); 0 while the request's outcome is unknown. */
  outcome: Uint8Array;
  /** Hops not drawn because the buffer was full (counts still include them). */
  dropped: number;
}

export function createParticleBuffer(capacity: number): ParticleBuffer {
  return {
    capacity,
    count: 0,
    from: new Uint16Array(capacity),
    to: new Uint16Array(capacity),
    start: new Float64Array(capacity),
    end: new Float64Array(capacity),
    requestId: new Float64Array(capacity),
    outcome: new Uint8Array(capacity),
    dropped: 0,
  };
}

export function pushParticle(
  b: ParticleBuffer,
  from: number,
  to: number,
  start: number,
  end: number,
  requestId: number,
  outcome: number,
): void {
  if (b.count >= b.capacity) {
    b.dropped++;
    return;
  }
  const i = b.count++;
  b.from[i] = from;
  b.to[i] = to;
  b.start[i] = start;
  b.end[i] = end;
  b.requestId[i] = requestId;
  b.outcome[i] = outcome;
}

export function clearParticles(b: ParticleBuffer): void {
  b.count = 0;
  b.dropped = 0;
}

/**
 * Outcomes of completed requests by request id, in a fixed ring: particles that left before their
 * request finished pick up their colour here, without a per-request map.
 */
export interface OutcomeRing {
  ids: Float64Array;
  codes: Uint8Array;
  mask: number;
}

export function createOutcomeRing(bits = 16): OutcomeRing {
  const size = 1 << bits;
  return { ids: new Float64Array(size).fill(-1), codes: new Uint8Array(size), mask: size - 1 };
}

export function recordOutcome(r: OutcomeRing, requestId: number, code: number): void {
  const slot = requestId & r.mask;
  r.ids[slot] = requestId;
  r.codes[slot] = code;
}

/**
 * Drops particles that arrived before `t` (swap-remove keeps the arrays dense) and colours pending
 * ones whose request has completed since.
 */
export function retireParticles(b: ParticleBuffer, t: number, ring: OutcomeRing): void {
  let i = 0;
  while (i < b.count) {
    if (b.end[i]! < t) {
      const last = --b.count;
      b.from[i] = b.from[last]!;
      b.to[i] = b.to[last]!;
      b.start[i] = b.start[last]!;
      b.end[i] = b.end[last]!;
      b.requestId[i] = b.requestId[last]!;
      b.outcome[i] = b.outcome[last]!;
      continue;
    }
    if (b.outcome[i] === 0) {
      const id = b.requestId[i]!;
      const slot = id & ring.mask;
      if (ring.ids[slot] === id) b.outcome[i] = ring.codes[slot]!;
    }
    i++;
  }
}

/**
 * Deterministic sampling: the same requests are drawn at a given rate on every run. `every` need not
 * be whole (1.25 draws four in five), so a draw limit can be met closely.
 */
export function isSampled(requestId: number, every: number): boolean {
  if (every <= 1) return true;
  // A multiplicative hash, so round-robin request ids do not map the sample onto one instance.
  return Math.imul(requestId | 0, 0x9e3779b1) >>> 0 < 4294967296 / every;
}

/**
 * What one frame adds, as the worker sends it (typed arrays, transferred rather than copied): the
 * particles that appeared since the last frame and the outcomes of the requests that completed.
 * `reset` says the run jumped (seek, step after a load, ...): drop what is in flight first.
 */
export interface ParticleBatch {
  reset: boolean;
  count: number;
  from: Uint16Array;
  to: Uint16Array;
  start: Float64Array;
  end: Float64Array;
  requestId: Float64Array;
  outcome: Uint8Array;
  doneIds: Float64Array;
  doneCodes: Uint8Array;
}

/** The buffers to transfer with a batch. */
export function batchTransfer(b: ParticleBatch): ArrayBuffer[] {
  return [b.from, b.to, b.start, b.end, b.requestId, b.outcome, b.doneIds, b.doneCodes].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/** Adds a frame's batch to the particles in flight, then retires those that arrived before `retireAt`. */
export function applyParticleBatch(
  b: ParticleBuffer,
  ring: OutcomeRing,
  batch: ParticleBatch,
  retireAt: number,
): void {
  if (batch.reset) {
    clearParticles(b);
    ring.ids.fill(-1);
  }
  for (let i = 0; i < batch.doneIds.length; i++) recordOutcome(ring, batch.doneIds[i]!, batch.doneCodes[i]!);
  for (let i = 0; i < batch.count; i++) {
    pushParticle(
      b,
      batch.from[i]!,
      batch.to[i]!,
      batch.start[i]!,
      batch.end[i]!,
      batch.requestId[i]!,
      batch.outcome[i]!,
    );
  }
  retireParticles(b, retireAt, ring);
}

/**
 * The particles in flight and the outcomes known, as one batch that replaces whatever its receiver held
 * (a paint worker started while the run is under way begins from it).
 */
export function snapshotBatch(b: ParticleBuffer, ring: OutcomeRing): ParticleBatch {
  const n = b.count;
  const known: number[] = [];
  for (let s = 0; s < ring.ids.length; s++) if (ring.ids[s]! >= 0) known.push(s);
  return {
    reset: true,
    count: n,
    from: b.from.slice(0, n),
    to: b.to.slice(0, n),
    start: b.start.slice(0, n),
    end: b.end.slice(0, n),
    requestId: b.requestId.slice(0, n),
    outcome: b.outcome.slice(0, n),
    doneIds: Float64Array.from(known, (s) => ring.ids[s]!),
    doneCodes: Uint8Array.from(known, (s) => ring.codes[s]!),
  };
}
