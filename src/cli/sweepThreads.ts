import { Worker } from 'node:worker_threads';
import type { Summary } from '../engine/types.ts';
import type { Scenario } from '../scenario/schema.ts';
import { runBatches } from '../sweep/pool.ts';
import { bundledThread, type ThreadBundle } from './threadBundle.ts';
import { THREAD_LOADER } from './threadLoader.ts';

/** One run in a thread: its wall and CPU time there (CPU NaN where the OS does not tell a thread's). */
export interface RunTime {
  wallMs: number;
  cpuMs: number;
}

/**
 * When a thread did what, for bench:sweep: times in ms on `performance.now()`'s clock (a worker's is
 * the main thread's). `startedAt` is the thread's first line of code (known only for a thread started
 * by THREAD_LOADER), `readyAt` the engine loaded, `loadCpuMs` the thread's CPU until then.
 */
export interface ThreadTimes {
  spawnedAt: number;
  startedAt?: number;
  readyAt?: number;
  loadCpuMs?: number;
  batches: { sentAt: number; doneAt: number; runs: RunTime[] }[];
}

/** A worker thread that runs batches of scenarios, one batch at a time (see sweepThread.ts). */
export interface SweepThread {
  /** Resolves once the thread has loaded the engine. */
  ready: Promise<void>;
  /** Runs the scenarios in turn; calls must not overlap (the pool gives each thread one batch at a time). */
  run(scenarios: readonly Scenario[]): Promise<Summary[]>;
  close(): Promise<void>;
  times: ThreadTimes;
}

type Reply =
  | { started: number }
  | { ready: true; readyAt: number; loadCpuMs: number }
  | { ok: true; summaries: Summary[]; runs: RunTime[] }
  | { ok: false; message: string };

const entry = new URL('./sweepThread.ts', import.meta.url);

/**
 * Node does not pass tsx's loader to a worker whose entry is a .ts file (tsx issue #354): under tsx the
 * thread starts from the entry bundled into one JavaScript file (threadBundle.ts), made once for every
 * thread of the process and loaded with V8's code cache (threadLoader.ts); if esbuild cannot make it,
 * from a line of JavaScript that registers tsx, then imports the entry (slower: each thread loads every
 * module through tsx).
 */
let bundle: Promise<ThreadBundle | null> | undefined;
async function spawn(): Promise<Worker> {
  if (!import.meta.url.endsWith('.ts')) return new Worker(entry);
  bundle ??= bundledThread(entry).catch(() => null);
  const files = await bundle;
  if (files !== null) return new Worker(THREAD_LOADER, { eval: true, workerData: files });
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(code, { eval: true });
}

export function startThread(): SweepThread {
  const times: ThreadTimes = { spawnedAt: performance.now(), batches: [] };
  const started = spawn();
  let pending: { resolve: (s: Summary[]) => void; reject: (e: Error) => void } | null = null;
  let onReady = (): void => {};
  let onFail = (_e: Error): void => {};
  const ready = new Promise<void>((resolve, reject) => {
    onReady = resolve;
    onFail = reject;
  });
  // A thread that fails before it is ready must not leave an unhandled rejection behind.
  ready.catch(() => {});
  const fail = (e: Error) => {
    onFail(e);
    const p = pending;
    pending = null;
    p?.reject(e);
  };
  let closed = false;
  started.then((worker) => {
    worker.on('message', (m: Reply) => {
      if ('started' in m) return void (times.startedAt = m.started);
      if ('ready' in m) {
        times.readyAt = m.readyAt;
        times.loadCpuMs = m.loadCpuMs;
        return onReady();
      }
      const p = pending;
      pending = null;
      if (m.ok) {
        const batch = times.batches[times.batches.length - 1];
        if (batch) Object.assign(batch, { doneAt: performance.now(), runs: m.runs });
        p?.resolve(m.summaries);
      } else p?.reject(new Error(m.message));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!closed) fail(new Error(`a sweep thread stopped (exit ${code})`));
    });
  }, fail);
  return {
    ready,
    run: async (scenarios) => {
      const worker = await started;
      return new Promise<Summary[]>((resolve, reject) => {
        pending = { resolve, reject };
        times.batches.push({ sentAt: performance.now(), doneAt: NaN, runs: [] });
        worker.postMessage(scenarios);
      });
    },
    close: async () => {
      closed = true;
      const p = pending;
      pending = null;
      p?.reject(new Error('the sweep thread was closed'));
      await (await started.catch(() => null))?.terminate();
    },
    times,
  };
}

/** Starts `count` threads (they load the engine in parallel; `ready` says when). */
export const startThreads = (count: number): SweepThread[] => Array.from({ length: count }, startThread);

/**
 * Runs every scenario on the first free thread, a batch at a time (large batches first, single runs at
 * the end: one message per run would cost more than some runs take, one batch per thread would leave
 * a thread idle while the other finishes); resolves with the Summaries in the scenarios' order.
 */
export function runOnPool(
  pool: readonly SweepThread[],
  scenarios: readonly Scenario[],
  onDone?: (done: number) => void,
): Promise<Summary[]> {
  return runBatches(
    scenarios,
    pool.map((t) => t.run),
    { onResult: (_index, _summary, done) => onDone?.(done) },
  );
}
