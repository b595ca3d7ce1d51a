import type { CommandMessage, EventMessage } from './protocol.ts';

import { fanOut, type EnginePort } from './fanOut.ts';

export type { EnginePort };

/** The engine in a dedicated Web Worker (Vite bundles engine.worker.ts from this URL). */
export function workerPort(): EnginePort {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  const out = fanOut();
  worker.onmessage = (e: MessageEvent<EventMessage>) => out.emit(e.data);
  worker.onerror = (e) => {
    // Handled here (the page says so, and offers a new worker when it keeps happening), not logged.
    e.preventDefault();
    out.emit({ v: 1, run: null, type: 'error', message: `the engine's worker failed: ${e.message}` });
  };
  return {
    post: (msg, transfer = []) => worker.postMessage(msg, transfer),
    listen: out.listen,
    close: () => worker.terminate(),
  };
}

/**
 * The in-process engine, loaded on first use so the page's own bundle never carries the engine:
 * messages sent before it has loaded wait in order.
 */
function lazyLocalPort(): EnginePort {
  const out = fanOut();
  const queue: [CommandMessage, Transferable[]][] = [];
  let port: EnginePort | null = null;
  let closed = false;
  void import('./localPort.ts').then(({ localPort }) => {
    if (closed) return;
    port = localPort();
    port.listen(out.emit);
    for (const [m, t] of queue.splice(0)) port.post(m, t);
  });
  return {
    post: (msg, transfer = []) => (port ? port.post(msg, transfer) : queue.push([msg, transfer])),
    listen: out.listen,
    close: () => {
      closed = true;
      port?.close();
    },
  };
}

/** A worker where the browser has them, the engine in the page otherwise. */
export function openEnginePort(): EnginePort {
  if (typeof Worker === 'function') {
    try {
      return workerPort();
    } catch {
      // A worker refused (e.g. by a content security policy): the engine runs in the page instead.
    }
  }
  return lazyLocalPort();
}
