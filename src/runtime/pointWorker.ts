import type { Summary } from '../engine/types.ts';
import { openEnginePort } from '../worker/port.ts';
import { RunClient } from './engineClient.ts';
import type { PointWorker } from './sweepRunner.ts';

/**
 * A sweep point worker on the engine's protocol: a Web Worker of its own (the in-process engine where
 * workers are refused) that loads each point and runs it to the end with `runToEnd`; a batch's
 * points are sent together and run in order. Closing it terminates the worker, its current run included.
 */
export function enginePointWorker(): PointWorker {
  const port = openEnginePort();
  const client = new RunClient(port, 'sweep');
  return {
    // Both commands go out at once, so the runs of a batch reach the worker in order, back to back.
    run: async (scenario) => {
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
