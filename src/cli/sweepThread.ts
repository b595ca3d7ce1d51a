import { parentPort } from 'node:worker_threads';
import { runScenario } from '../engine/index.ts';
import type { Scenario } from '../scenario/schema.ts';

/**
 * One worker thread of `npm run sweep`: says it is ready once the engine is loaded, then runs each
 * scenario it is sent to its end, headless, exactly as `npm run sim` does, and answers with the Summary
 * (or the error's message).
 */
parentPort?.on('message', (scenario: Scenario) => {
  try {
    parentPort?.postMessage({ ok: true, summary: runScenario(scenario) });
  } catch (e) {
    parentPort?.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) });
  }
});
parentPort?.postMessage({ ready: true });
