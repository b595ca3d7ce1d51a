import { createEngineHost } from './engineHost.ts';
import { fanOut, type EnginePort } from './fanOut.ts';

/**
 * The engine's message handler in this thread, for tests (jsdom has no Worker) and browsers that
 * refuse workers. Messages are structured-cloned (typed arrays transferred) and delivered in order,
 * each as a task of its own (promise callbacks run between two messages), exactly as across a worker,
 * so what passes here passes there.
 */
export function localPort(clock?: () => number): EnginePort {
  const out = fanOut();
  let closed = false;
  const host = createEngineHost((msg, transfer) => {
    const copy = structuredClone(msg, { transfer });
    setTimeout(() => closed || out.emit(copy), 0);
  }, clock);
  return {
    post(msg, transfer = []) {
      const copy = structuredClone(msg, { transfer });
      setTimeout(() => closed || host.handle(copy), 0);
    },
    listen: out.listen,
    close: () => void (closed = true),
  };
}
