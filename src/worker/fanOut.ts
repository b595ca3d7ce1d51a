import type { CommandMessage, EventMessage } from './protocol.ts';

/** The page's end of a connection to an engine: a Web Worker, or the same handler in-process. */
export interface EnginePort {
  post(msg: CommandMessage, transfer?: Transferable[]): void;
  listen(fn: (msg: EventMessage) => void): () => void;
  close(): void;
}

/** The listeners of a port's events, and the one call that hands an event to all of them. */
export function fanOut() {
  const listeners = new Set<(msg: EventMessage) => void>();
  return {
    listen(fn: (msg: EventMessage) => void) {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
    emit(msg: EventMessage) {
      for (const fn of listeners) fn(msg);
    },
  };
}
