import { readTraceStream } from './read/stream.ts';
import { workloadStats, type WorkloadStats } from './stats.ts';
import { computeCurves, type CurvesResult } from './mrc/curves.ts';
import { defaultSizes } from './mrc/grid.ts';
import { scenarioMarks, type Mark, type ScenarioSizes } from './marks.ts';
import type { Trace, TraceFormat } from './types.ts';

/** Everything the app shows about an opened trace (small: plain numbers, sent from the worker). */
export interface TraceAnalysis {
  fileName: string;
  format: TraceFormat;
  truncated: string | null;
  notes: string[];
  stats: WorkloadStats;
  curves: CurvesResult;
  marks: Mark[];
}

export type TracePhase = 'read' | 'analyse' | 'curves';

export interface TraceJob {
  name: string;
  fileBytes: number;
  format: TraceFormat | null;
  sizes: ScenarioSizes | null;
  open: () => AsyncIterable<Uint8Array>;
  onProgress: (phase: TracePhase, done: number) => void;
  /** Handed the read trace (the app's worker keeps it, to replay on the stage if asked). */
  keep?: (trace: Trace) => void;
}

/**
 * The app's curves: LRU (one pass) at 24 sizes, FIFO and Belady (one simulation a size) at every third
 * of them and at the scenario's marks, so ten million requests take a minute or two, not ten.
 */
const APP_POINTS = 24;
const SIMULATE_EVERY = 3;
const SAMPLED_EVERY = 6;

/**
 * Reads a trace and works out its card and curves: what the trace worker runs, kept free of the
 * worker so tests run it directly.
 */
export async function analyseTrace(job: TraceJob): Promise<TraceAnalysis> {
  const notes: string[] = [];
  const trace = await readTraceStream(job.open, {
    name: job.name,
    fileBytes: job.fileBytes,
    ...(job.format ? { format: job.format } : {}),
    onBytes: (bytes) => job.onProgress('read', job.fileBytes > 0 ? Math.min(1, bytes / job.fileBytes) : 0),
    onNote: (note) => notes.push(note),
  });
  job.keep?.(trace);
  job.onProgress('analyse', 0);
  const stats = workloadStats(trace);
  const marks = scenarioMarks(job.sizes, stats.meanObjectBytes);
  const workingSet = stats.meanObjectBytes * stats.uniqueKeys;
  const grid = defaultSizes(workingSet / trace.sampleRate, stats.largestObject, APP_POINTS);
  const markSizes = marks.map((m) => m.size);
  const curves = computeCurves(trace, {
    sizes: [...grid, ...markSizes],
    simulatedSizes: [
      ...grid.filter((_, i) => i % SIMULATE_EVERY === 0 || i === grid.length - 1),
      ...markSizes,
    ],
    // Redis's sampled LRU and LFU: one simulation a size, so at a few sizes and the scenario's marks.
    sampled: ['redis-lru', 'redis-lfu'],
    sampledSizes: [
      ...grid.filter((_, i) => i % SAMPLED_EVERY === SAMPLED_EVERY - 1 || i === grid.length - 1),
      ...markSizes,
    ],
    onProgress: (done) => job.onProgress('curves', done),
  });
  return {
    fileName: job.name,
    format: trace.format,
    truncated: trace.truncated,
    notes,
    stats,
    curves,
    marks,
  };
}
