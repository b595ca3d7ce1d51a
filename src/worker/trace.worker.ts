/// <reference lib="webworker" />
import { analyseTrace, type TraceAnalysis, type TracePhase } from '../trace/job.ts';
import type { ScenarioSizes } from '../trace/marks.ts';
import type { TraceFormat } from '../trace/types.ts';

/**
 * The trace worker: reads a dropped or picked file as a stream (the file never leaves this browser),
 * works out its workload card and miss-ratio curves, and reports progress on the way. The page
 * cancels by ending the worker.
 */
export type TraceRequest = {
  type: 'open';
  file: File;
  format: TraceFormat | null;
  sizes: ScenarioSizes | null;
};
export type TraceReply =
  | { type: 'progress'; phase: TracePhase; done: number }
  | { type: 'done'; analysis: TraceAnalysis }
  | { type: 'error'; message: string };

declare const self: DedicatedWorkerGlobalScope;
const post = (reply: TraceReply) => self.postMessage(reply);

/** File.stream() as an async iterable of byte chunks. */
async function* chunks(file: File): AsyncIterable<Uint8Array> {
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

let lastPost = 0;
self.onmessage = async (e: MessageEvent<TraceRequest>) => {
  const { file, format, sizes } = e.data;
  try {
    const analysis = await analyseTrace({
      name: file.name,
      fileBytes: file.size,
      format,
      sizes,
      open: () => chunks(file),
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
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
