/// <reference lib="webworker" />
import type { WorkloadRequests } from '../engine/flow/types.ts';
import { analyseTrace, type TraceAnalysis, type TracePhase } from '../trace/job.ts';
import type { ScenarioSizes } from '../trace/marks.ts';
import { shapeOf, workloadOf, type TraceShape } from '../trace/replay.ts';
import type { Trace, TraceFormat } from '../trace/types.ts';
import { workloadTransfer } from './workloadMessage.ts';

/**
 * The trace worker: reads a dropped or picked file as a stream (the file never leaves this browser),
 * works out its workload card and miss-ratio curves, and reports progress on the way. It keeps the
 * read trace so "Replay this trace" can have its requests: `replay` hands them over, transferred (the
 * worker keeps nothing of them after). The page cancels by ending the worker.
 */
export type TraceRequest =
  { type: 'open'; file: File; format: TraceFormat | null; sizes: ScenarioSizes | null } | { type: 'replay' };
export type TraceReply =
  | { type: 'progress'; phase: TracePhase; done: number }
  | { type: 'done'; analysis: TraceAnalysis }
  | { type: 'error'; message: string }
  | { type: 'workload'; name: string; shape: TraceShape; workload: WorkloadRequests };

declare const self: DedicatedWorkerGlobalScope;
const post = (reply: TraceReply, transfer: Transferable[] = []) => self.postMessage(reply, transfer);

/** File.stream() as an async iterable of byte chunks. */
async function* chunks(file: File): AsyncIterable<Uint8Array> {
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

let kept: { name: string; trace: Trace } | null = null;
let lastPost = 0;

async function open(file: File, format: TraceFormat | null, sizes: ScenarioSizes | null) {
  kept = null;
  try {
    const analysis = await analyseTrace({
      name: file.name,
      fileBytes: file.size,
      format,
      sizes,
      open: () => chunks(file),
      keep: (trace) => (kept = { name: file.name, trace }),
      onProgress: (phase, done) => {
        // At most about 20 updates a second: enough for a smooth bar, little for the page to handle.
        const now = performance.now();
        if (now - lastPost < 50 && done < 1) return;
        lastPost = now;
        post({ type: 'progress', phase, done });
      },
    });
    post({ type: 'done', analysis });
  } catch (err) {
    kept = null;
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
}

self.onmessage = (e: MessageEvent<TraceRequest>) => {
  const msg = e.data;
  if (msg.type === 'open') return void open(msg.file, msg.format, msg.sizes);
  if (kept === null) return post({ type: 'error', message: 'the trace is no longer here: open it again' });
  const { name, trace } = kept;
  kept = null;
  const workload = workloadOf(trace);
  post({ type: 'workload', name, shape: shapeOf(trace), workload }, workloadTransfer(workload));
};
