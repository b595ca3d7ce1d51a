import type { EnginePort } from '../worker/port.ts';
import {
  PROTOCOL_VERSION,
  type Command,
  type EventMessage,
  type Query,
  type QueryResult,
  type RunId,
} from '../worker/protocol.ts';

/** An `error` event answering a command, as a rejected promise. */
export class EngineError extends Error {}

/**
 * The page's handle on one run of an engine: commands out, events in, and replies matched to the
 * command that asked by id.
 */
export class RunClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<(e: EventMessage) => void>();
  private readonly unlisten: () => void;
  /** Commands sent so far, frames not counted: unchanged, nothing was asked that could change a frame. */
  commandsSent = 0;

  constructor(
    private readonly port: EnginePort,
    readonly run: RunId,
  ) {
    this.unlisten = port.listen((msg) => {
      if (msg.run !== run && msg.run !== null) return;
      if (msg.type === 'reply' || (msg.type === 'error' && msg.id !== undefined)) {
        const waiting = this.pending.get(msg.id!);
        if (waiting) {
          this.pending.delete(msg.id!);
          if (msg.type === 'reply') waiting.resolve(msg.result);
          else waiting.reject(new EngineError(msg.message));
          return;
        }
      }
      for (const fn of this.listeners) fn(msg);
    });
  }

  /** Sends a command without waiting for it (events tell what happened); `transfer` moves its buffers. */
  send(cmd: Command, transfer: Transferable[] = []): void {
    this.commandsSent++;
    this.port.post({ ...cmd, v: PROTOCOL_VERSION, run: this.run }, transfer);
  }

  /** Sends a command with an id; resolves with the worker's reply once it has been carried out. */
  call<T = unknown>(cmd: Command): Promise<T> {
    const id = this.nextId++;
    this.commandsSent++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
      this.port.post({ ...cmd, v: PROTOCOL_VERSION, run: this.run, id });
    });
  }

  query<K extends Query['kind']>(query: Extract<Query, { kind: K }>): Promise<QueryResult[K]> {
    return this.call<QueryResult[K]>({ type: 'query', query });
  }

  /** Asks for a frame; the `frame` event carries this id back. */
  frame(wallMs: number, maxSimMs?: number, drawLimit?: number): number {
    const id = this.nextId++;
    const cmd: Command = { type: 'frame', wallMs };
    if (maxSimMs !== undefined) cmd.maxSimMs = maxSimMs;
    if (drawLimit !== undefined) cmd.drawLimit = drawLimit;
    this.port.post({ ...cmd, v: PROTOCOL_VERSION, run: this.run, id });
    return id;
  }

  /** Events of this run, and those for no run (`run: null`: a message the worker could not read, or the worker failing). */
  on(fn: (e: EventMessage) => void): () => void {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  }

  /** Also ends the port: a worker is terminated (the engine is being replaced by a new one). */
  terminate(): void {
    this.close();
    this.port.close();
  }

  /** Stops listening; commands still waiting reject with `reason`. */
  close(reason = 'the run was closed'): void {
    this.unlisten();
    for (const p of this.pending.values()) p.reject(new EngineError(reason));
    this.pending.clear();
  }
}
