import { Worker } from 'node:worker_threads';
import type { Summary } from '../engine/types.ts';
import type { Scenario } from '../scenario/schema.ts';
import { runPool } from '../sweep/pool.ts';

/** A worker thread that runs scenarios one at a time (see sweepThread.ts). */
export interface SweepThread {
  run(scenario: Scenario): Promise<Summary>;
  close(): Promise<void>;
}

const entry = new URL('./sweepThread.ts', import.meta.url);

/**
 * Node does not pass tsx's loader to a worker whose entry is a .ts file (tsx issue #354), so under tsx
 * the thread starts from a line of JavaScript that registers tsx, then imports the entry.
 */
function spawn(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(entry);
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(code, { eval: true });
}

/** Starts a thread; its `run` calls must not overlap (the pool gives each thread one point at a time). */
export function startThread(): SweepThread {
  const worker = spawn();
  let pending: { resolve: (s: Summary) => void; reject: (e: Error) => void } | null = null;
  const settle = (fn: (p: NonNullable<typeof pending>) => void) => {
    const p = pending;
    pending = null;
    if (p) fn(p);
  };
  worker.on('message', (m: { ok: true; summary: Summary } | { ok: false; message: string }) =>
    settle((p) => (m.ok ? p.resolve(m.summary) : p.reject(new Error(m.message)))),
  );
  worker.on('error', (e) => settle((p) => p.reject(e)));
  worker.on('exit', (code) => settle((p) => p.reject(new Error(`a sweep thread stopped (exit ${code})`))));
  return {
    run: (scenario) =>
      new Promise<Summary>((resolve, reject) => {
        pending = { resolve, reject };
        worker.postMessage(scenario);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}

/**
 * Runs every scenario on `threads` worker threads (at most one per scenario) and stops them after;
 * resolves with the Summaries in the scenarios' order. `onDone` hears the count of finished runs.
 */
export async function runOnThreads(
  scenarios: readonly Scenario[],
  threads: number,
  onDone?: (done: number) => void,
): Promise<Summary[]> {
  const pool = Array.from({ length: Math.max(1, Math.min(threads, scenarios.length)) }, startThread);
  try {
    return await runPool(
      scenarios,
      pool.map((t) => t.run),
      { onResult: (_index, _summary, done) => onDone?.(done) },
    );
  } finally {
    await Promise.all(pool.map((t) => t.close()));
  }
}
