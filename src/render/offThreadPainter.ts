import type { ForwardedBatch, PaintCommand, PaintEvent, PaintView } from './paintProtocol.ts';
import { batchTransfer, type ParticleBatch } from './particles.ts';

/** The figures of the last paint the worker answered, as the page shows and judges them. */
export interface OffThreadPaint {
  drawn: number;
  invalidations: number;
  /** Wall ms the worker spent on it. */
  ms: number;
  /** When the page heard of it (its clock), and how long after the paint before it. */
  at: number;
  intervalMs: number;
}

/** A canvas's pixels as the worker holds them. */
export interface CanvasPixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** The browser checks read and wipe a transferred canvas through these (its 2D context is the worker's). */
export interface PaintedCanvas extends HTMLCanvasElement {
  readPixels?: () => Promise<CanvasPixels>;
  clearPixels?: () => Promise<void>;
}

/**
 * The page's end of the paint worker for one canvas: transfers the canvas, sends the view when it
 * changes, forwards the particle batches and asks for one paint at a time (never two in flight, so
 * the answers' pace is the pace of painting, which "Automatic" judges).
 */
export class OffThreadPainter {
  private readonly worker: Worker;
  private queue: ForwardedBatch[] = [];
  private busy = false;
  private viewKey = '';
  private nextId = 1;
  private readonly waiting = new Map<number, (e: PaintEvent) => void>();
  private lastAt = -1;
  /** The last paint answered (null before the first). */
  last: OffThreadPaint | null = null;
  /** Paints answered so far (those that painted something). */
  paints = 0;
  /** Called once if the worker cannot paint or fails: the page then paints on a new canvas. */
  onFailed: ((message: string) => void) | null = null;

  constructor(
    canvas: PaintedCanvas,
    capacity: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.worker = new Worker(new URL('../worker/paint.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<PaintEvent>) => this.onEvent(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.fail(`the paint worker failed: ${e.message}`);
    };
    const offscreen = canvas.transferControlToOffscreen();
    this.post({ type: 'init', canvas: offscreen, capacity }, [offscreen]);
    canvas.readPixels = () => this.ask<CanvasPixels>((id) => ({ type: 'read', id }));
    canvas.clearPixels = () => this.ask<void>((id) => ({ type: 'clear', id }));
  }

  /** Sends the sizes, geometry and theme when any of them changed. */
  view(view: PaintView): void {
    const key = `${view.width}|${view.height}|${view.dpr}|${view.outline}|${view.error}`;
    if (key === this.viewKey && this.lastView?.layout === view.layout) return;
    this.viewKey = key;
    this.lastView = view;
    this.post({ type: 'view', view });
  }
  private lastView: PaintView | null = null;

  /** A batch the page applied to its particles, for the worker to apply to its own. */
  forward(batch: ParticleBatch, retireAtMs: number): void {
    this.queue.push({ batch, retireAtMs });
  }

  /** Asks for a paint at simulated time `t`, unless one is on its way. */
  paint(t: number): void {
    if (this.busy) return;
    this.busy = true;
    const batches = this.queue;
    this.queue = [];
    // The page has copied the batches into its particles: their arrays move to the worker, uncopied.
    this.post(
      { type: 'paint', t, batches },
      batches.flatMap((f) => batchTransfer(f.batch)),
    );
  }

  dispose(): void {
    this.worker.terminate();
    this.onFailed = null;
    for (const settle of this.waiting.values()) settle({ type: 'failed', message: 'closed' });
    this.waiting.clear();
  }

  private ask<T>(make: (id: number) => PaintCommand): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, (e) => {
        if (e.type === 'failed') reject(new Error(e.message));
        else if (e.type === 'pixels') resolve({ width: e.width, height: e.height, data: e.data } as T);
        else resolve(undefined as T);
      });
      this.post(make(id));
    });
  }

  private post(cmd: PaintCommand, transfer: Transferable[] = []): void {
    this.worker.postMessage(cmd, transfer);
  }

  private onEvent(e: PaintEvent): void {
    if (e.type === 'painted') {
      this.busy = false;
      if (!e.painted) return;
      const now = this.clock();
      this.paints++;
      this.last = {
        drawn: e.drawn,
        invalidations: e.invalidations,
        ms: e.ms,
        at: now,
        intervalMs: this.lastAt < 0 ? 0 : now - this.lastAt,
      };
      this.lastAt = now;
    } else if (e.type === 'failed') {
      this.fail(e.message);
    } else {
      const settle = this.waiting.get(e.id);
      this.waiting.delete(e.id);
      settle?.(e);
    }
  }

  private fail(message: string): void {
    const onFailed = this.onFailed;
    this.onFailed = null;
    onFailed?.(message);
  }
}

/**
 * One painter per canvas element, shared by the effects that use it: a canvas hands its control to a
 * worker only once, and React's development mode mounts every effect twice. A painter released and
 * not taken again within the task ends with its worker.
 */
const painters = new WeakMap<HTMLCanvasElement, { painter: OffThreadPainter; users: number }>();

export function acquirePainter(canvas: HTMLCanvasElement, capacity: number): OffThreadPainter {
  let entry = painters.get(canvas);
  if (!entry) {
    entry = { painter: new OffThreadPainter(canvas, capacity), users: 0 };
    painters.set(canvas, entry);
  }
  entry.users++;
  return entry.painter;
}

export function releasePainter(canvas: HTMLCanvasElement): void {
  const entry = painters.get(canvas);
  if (!entry) return;
  entry.users--;
  setTimeout(() => {
    if (entry.users > 0 || painters.get(canvas) !== entry) return;
    painters.delete(canvas);
    entry.painter.dispose();
  }, 0);
}
