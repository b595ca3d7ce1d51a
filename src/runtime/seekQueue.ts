import type { SimMs } from '../engine/types.ts';

/**
 * Seeks coalesced: while one is being re-simulated, later targets replace each other and only the last
 * runs after it (a dragged timeline asks for hundreds). `onTarget` is told of the target the run is
 * heading for, and of null once it has arrived.
 */
export class SeekQueue {
  private running = false;
  private next: SimMs | null = null;
  private idle: Promise<void> = Promise.resolve();

  constructor(
    private readonly perform: (t: SimMs) => Promise<unknown>,
    private readonly onTarget: (t: SimMs | null) => void,
  ) {}

  /** True while a seek is being carried out. */
  get busy(): boolean {
    return this.running;
  }

  /** Forgets a seek in progress and the one waiting (the engine that was doing it is gone). */
  reset(): void {
    this.running = false;
    this.next = null;
  }

  /** Resolves once the engine has arrived at the last target asked for. */
  seek(t: SimMs): Promise<void> {
    this.onTarget(t);
    if (this.running) {
      this.next = t;
      return this.idle;
    }
    this.running = true;
    let settle = () => {};
    this.idle = new Promise((resolve) => (settle = resolve));
    const run = (target: SimMs) => {
      const done = () => {
        const next = this.next;
        this.next = null;
        if (next !== null) return run(next);
        this.running = false;
        this.onTarget(null);
        settle();
      };
      this.perform(target).then(done, done);
    };
    run(t);
    return this.idle;
  }
}
