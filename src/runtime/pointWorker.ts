import type { Summary } from '../engine/types.ts';
import { openEnginePort, type EnginePort } from '../worker/port.ts';
import { EngineError, RunClient } from './engineClient.ts';
import type { PointWorker } from './sweepRunner.ts';

/**
 * A sweep point worker on the engine's protocol: a Web Worker of its own (the in-process engine where
 * workers are refused) that loads each point and runs it to the end with `runToEnd`; a batch's
 * points are sent together and run in order. Closing it terminates the worker, its current run included.
 * A worker that fails outside any command (it crashed, or could not read a message) rejects the run
 * waiting on it and every later one with what the browser said, so the sweep fails with that message
 * instead of waiting for ever.
 */
export function enginePointWorker(port: EnginePort = openEnginePort()): PointWorker {
  const client = new RunClient(port, 'sweep');
  let broken: string | null = null;
  client.on((e) => {
    if (e.type !== 'error' || e.run !== null || broken !== null) return;
    broken = e.message;
    client.close(e.message);
  });
  return {
    // Both commands go out at once, so the runs of a batch reach the worker in order, back to back.
    run: async (scenario) => {
      if (broken !== null) throw new EngineError(broken);
      const [, summary] = await Promise.all([
        client.call({ type: 'load', scenario }),
        client.call<Summary>({ type: 'runToEnd' }),
      ]);
      return summary;
    },
    close: () => {
      client.close();
      port.close();
    },
  };
}

/** Workers a sweep starts: one per core, as the browser counts them (capped, so a big machine is not flooded). */
export function sweepWorkerCount(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 0;
  return Math.max(1, Math.min(16, cores || 2));
}
