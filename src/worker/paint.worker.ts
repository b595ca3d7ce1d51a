// The paint worker: paints the particle canvas, transferred to it by the page (render/offThreadPainter.ts),
// off the main thread. A thin wrapper around the handler (render/paintHost.ts), which tests run in-process.
import { createPaintHost } from '../render/paintHost.ts';
import type { PaintCommand } from '../render/paintProtocol.ts';

/** The parts of a dedicated worker's global scope used here (the DOM typings describe a window). */
interface WorkerScope {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<PaintCommand>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const host = createPaintHost((e, transfer = []) => scope.postMessage(e, transfer));
scope.onmessage = (e) => host.handle(e.data);
