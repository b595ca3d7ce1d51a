// The engine's Web Worker: a thin wrapper around the message handler (engineHost.ts), which tests and
// pages without Worker support run in-process instead. Vite bundles it from `new URL(...)` in port.ts.
import { createEngineHost } from './engineHost.ts';

/** The parts of a dedicated worker's global scope used here (the DOM typings describe a window). */
interface WorkerScope {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const host = createEngineHost((msg, transfer) => scope.postMessage(msg, transfer));
scope.onmessage = (e) => host.handle(e.data);
