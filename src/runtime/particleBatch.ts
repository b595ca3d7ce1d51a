import type { ParticleBatch } from '../render/particles.ts';

/**
 * Collects one frame's new particles and completed outcomes in growable typed arrays, then hands them
 * over as a `ParticleBatch` of exactly sized arrays the worker can transfer.
 */
export class ParticleBatchBuilder {
  private n = 0;
  private from = new Uint16Array(1024);
  private to = new Uint16Array(1024);
  private start = new Float64Array(1024);
  private end = new Float64Array(1024);
  private requestId = new Float64Array(1024);
  private outcome = new Uint8Array(1024);
  private done = 0;
  private doneIds = new Float64Array(1024);
  private doneCodes = new Uint8Array(1024);
  private jumped = false;

  /** Drops what was collected; the next batch tells the page to drop what it has in flight too. */
  reset(): void {
    this.n = 0;
    this.done = 0;
    this.jumped = true;
  }

  push(from: number, to: number, start: number, end: number, requestId: number, outcome: number): void {
    if (this.n === this.from.length) this.growParticles();
    const i = this.n++;
    this.from[i] = from;
    this.to[i] = to;
    this.start[i] = start;
    this.end[i] = end;
    this.requestId[i] = requestId;
    this.outcome[i] = outcome;
  }

  complete(requestId: number, code: number): void {
    if (this.done === this.doneIds.length) {
      this.doneIds = grow(this.doneIds);
      this.doneCodes = grow(this.doneCodes);
    }
    this.doneIds[this.done] = requestId;
    this.doneCodes[this.done++] = code;
  }

  /** Particles collected since the last take. */
  get count(): number {
    return this.n;
  }

  take(): ParticleBatch {
    const n = this.n;
    const batch: ParticleBatch = {
      reset: this.jumped,
      count: n,
      from: this.from.slice(0, n),
      to: this.to.slice(0, n),
      start: this.start.slice(0, n),
      end: this.end.slice(0, n),
      requestId: this.requestId.slice(0, n),
      outcome: this.outcome.slice(0, n),
      doneIds: this.doneIds.slice(0, this.done),
      doneCodes: this.doneCodes.slice(0, this.done),
    };
    this.n = 0;
    this.done = 0;
    this.jumped = false;
    return batch;
  }

  private growParticles(): void {
    this.from = grow(this.from);
    this.to = grow(this.to);
    this.start = grow(this.start);
    this.end = grow(this.end);
    this.requestId = grow(this.requestId);
    this.outcome = grow(this.outcome);
  }
}

function grow<T extends Uint8Array | Uint16Array | Float64Array>(a: T): T {
  const bigger = new (a.constructor as new (n: number) => T)(a.length * 2);
  bigger.set(a);
  return bigger;
}
