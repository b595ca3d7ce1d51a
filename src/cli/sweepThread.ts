import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { createSimulation, runScenario } from '../engine/index.ts';
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

/**
 * Before a thread's first run, a first scenario's first simulated 200 ms, thrown away: the engine's
 * objects get their final shapes there (fields that start as small integers and take fractions, such
 * as the clock, are widened by V8 while the code still runs in the interpreter), so the first run's
 * optimized code is compiled for those shapes. Without it the second run's new objects invalidated
 * some forty optimized functions at once, to be compiled again (about a quarter of a cold thread's
 * compilations). A run shares nothing with it but the Zipf tables (a pure function of their
 * parameters), so every run's figures are what they would be without it.
 */
const SHAPE_WARM_UP_MS = 200;
let shapesWarm = false;

parentPort?.on('message', (scenarios: Scenario[]) => {
  try {
    const runs: { wallMs: number; cpuMs: number }[] = [];
    const summaries = scenarios.map((s) => {
      const t0 = performance.now();
      const c0 = threadCpuMs();
      // Counted in the first run's time.
      if (!shapesWarm) createSimulation(s, { trace: false }).runUntil(SHAPE_WARM_UP_MS);
      shapesWarm = true;
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
