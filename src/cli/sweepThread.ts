import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { runScenario } from '../engine/index.ts';
import type { Scenario } from '../scenario/schema.ts';

/**
 * One worker thread of `npm run sweep`: says it is ready once the engine is loaded, then runs each
 * batch of scenarios it is sent, one after another to their end, headless, exactly as `npm run sim`
 * does, and answers with their Summaries in order (or the first error's message). Each answer also
 * carries how long each run took in this thread, wall and CPU, and the ready message how long the
 * thread took to start, for bench:sweep (see ThreadTimes in sweepThreads.ts).
 */

/** This thread's CPU time in ms (Linux's per-thread schedstat), or NaN where there is none. */
function threadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

parentPort?.on('message', (scenarios: Scenario[]) => {
  try {
    const runs: { wallMs: number; cpuMs: number }[] = [];
    const summaries = scenarios.map((s) => {
      const t0 = performance.now();
      const c0 = threadCpuMs();
      const summary = runScenario(s);
      runs.push({ wallMs: performance.now() - t0, cpuMs: threadCpuMs() - c0 });
      return summary;
    });
    parentPort?.postMessage({ ok: true, summaries, runs });
  } catch (e) {
    parentPort?.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) });
  }
});
// A worker's performance.now() is on the main thread's clock (same timeOrigin).
parentPort?.postMessage({ ready: true, readyAt: performance.now(), loadCpuMs: threadCpuMs() });
