import { parentPort } from 'node:worker_threads';
import { runScenario } from '../engine/index.ts';
import type { Scenario } from '../scenario/schema.ts';

/**
 * One worker thread of `npm run sweep`: says it is ready once the engine is loaded, then runs each
 * batch of scenarios it is sent, one after another to their end, headless, exactly as `npm run sim`
 * does, and answers with their Summaries in order (or the first error's message).
 */
parentPort?.on('message', (scenarios: Scenario[]) => {
  try {
    parentPort?.postMessage({ ok: true, summaries: scenarios.map((s) => runScenario(s)) });
  } catch (e) {
    parentPort?.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) });
  }
});
parentPort?.postMessage({ ready: true });
