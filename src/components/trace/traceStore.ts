import { useSyncExternalStore } from 'react';
import type { TraceAnalysis, TracePhase } from '../../trace/job.ts';
import type { ScenarioSizes } from '../../trace/marks.ts';
import type { TraceFormat } from '../../trace/types.ts';
import type { TraceReply, TraceRequest } from '../../worker/trace.worker.ts';

/** The opened trace's state, kept while the dialog is closed (a job goes on in its worker). */
export type TraceStatus =
  | { kind: 'idle'; note?: string }
  | { kind: 'working'; fileName: string; phase: TracePhase; done: number }
  | { kind: 'done'; analysis: TraceAnalysis }
  | { kind: 'error'; fileName: string; message: string };

let worker: Worker | null = null;

function stop() {
  worker?.terminate();
  worker = null;
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
    stop();
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

/** Cancel: ends the worker, which drops everything it had read. */
export function cancelTrace(): void {
  stop();
  set({ kind: 'idle', note: 'Cancelled: nothing was kept.' });
}
