import { useSyncExternalStore } from 'react';
import type { TraceAnalysis, TracePhase } from '../../trace/job.ts';
import type { ScenarioSizes } from '../../trace/marks.ts';
import type { TraceFormat } from '../../trace/types.ts';
import type { TraceReply, TraceRequest } from '../../worker/trace.worker.ts';
import type { WorkloadRequests } from '../../engine/flow/types.ts';
import type { TraceShape } from '../../trace/replay.ts';

/** A read trace's requests, handed over by its worker for the stage to replay. */
export interface TraceRequests {
  name: string;
  shape: TraceShape;
  workload: WorkloadRequests;
}

/** The opened trace's state, kept while the dialog is closed (a job goes on in its worker). */
export type TraceStatus =
  | { kind: 'idle'; note?: string }
  | { kind: 'working'; fileName: string; phase: TracePhase; done: number }
  | { kind: 'done'; analysis: TraceAnalysis }
  | { kind: 'error'; fileName: string; message: string };

let worker: Worker | null = null;
/** Waiting for the worker to hand over the trace's requests (`takeRequests`). */
let taking: { resolve: (r: TraceRequests) => void; reject: (e: Error) => void } | null = null;

function stop() {
  worker?.terminate();
  worker = null;
  taking?.reject(new Error('the trace was closed'));
  taking = null;
}

// A store of one value with React's own subscription: zustand imported here, in a lazily loaded
// chunk, made the bundler move a quarter of the app into the first load.
let status: TraceStatus = { kind: 'idle' };
const listeners = new Set<() => void>();
function set(next: TraceStatus) {
  status = next;
  for (const l of listeners) l();
}
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The opened trace's status; lives in the dialog's lazy chunk, so none of it is in the first load. */
export function useTraceStatus(): TraceStatus {
  return useSyncExternalStore(subscribe, () => status);
}

/** Reads a file in a new trace worker (ending any job under way). */
export function openTrace(file: File, format: TraceFormat | null, sizes: ScenarioSizes | null): void {
  stop();
  const w = new Worker(new URL('../../worker/trace.worker.ts', import.meta.url), { type: 'module' });
  worker = w;
  set({ kind: 'working', fileName: file.name, phase: 'read', done: 0 });
  w.onmessage = (e: MessageEvent<TraceReply>) => {
    if (worker !== w) return;
    const reply = e.data;
    if (reply.type === 'progress') {
      set({ kind: 'working', fileName: file.name, phase: reply.phase, done: reply.done });
      return;
    }
    if (reply.type === 'workload' || (reply.type === 'error' && taking !== null)) {
      // The requests were handed over (or could not be): the worker has nothing more to give.
      const waiting = taking;
      taking = null;
      stop();
      if (reply.type === 'workload') waiting?.resolve(reply);
      else waiting?.reject(new Error(reply.message));
      return;
    }
    // Done: the worker stays, holding the trace, until it is replayed or another file is opened.
    if (reply.type === 'error') stop();
    set(
      reply.type === 'done'
        ? { kind: 'done', analysis: reply.analysis }
        : { kind: 'error', fileName: file.name, message: reply.message },
    );
  };
  w.onerror = (e) => {
    if (worker !== w) return;
    stop();
    set({ kind: 'error', fileName: file.name, message: e.message || 'the trace worker stopped' });
  };
  const request: TraceRequest = { type: 'open', file, format, sizes };
  w.postMessage(request);
}

/** Whether the trace worker still holds the read trace's requests (not yet handed over for replay). */
export function holdsRequests(): boolean {
  return worker !== null && status.kind === 'done' && taking === null;
}

/**
 * The opened trace's requests, transferred from its worker (which then ends): for "Replay this trace".
 * Rejects when no read trace is held (it was already replayed, or another file is being read).
 */
export function takeRequests(): Promise<TraceRequests> {
  const w = worker;
  if (w === null || !holdsRequests())
    return Promise.reject(new Error('the trace is no longer held here: open the file again'));
  return new Promise((resolve, reject) => {
    taking = { resolve, reject };
    const request: TraceRequest = { type: 'replay' };
    w.postMessage(request);
  });
}

/** Cancel: ends the worker, which drops everything it had read. */
export function cancelTrace(): void {
  stop();
  set({ kind: 'idle', note: 'Cancelled: nothing was kept.' });
}
