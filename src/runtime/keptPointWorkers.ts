import type { PointWorker } from './sweepRunner.ts';

/**
 * Point workers kept from one sweep to the next. A worker's first sweep pays for its start: loading
 * the engine and V8 compiling it (on 2 cores, bench:sweep's first sweep takes about twice the ideal
 * time, a sweep on kept threads about the ideal). So a sweep's `open` takes an idle kept worker when
 * there is one, and its `close` keeps the worker instead of ending it when it is idle and healthy: a
 * sweep that finished gives its workers back. A worker closed with runs still in progress (Cancel, or
 * another worker's failure) or whose run failed is ended as before, so nothing broken or busy is kept.
 *
 * @example
 * const sweepWorkers = keptPointWorkers(enginePointWorker);
 * startSweep(plan, meta, store, count, sweepWorkers.open); // a second sweep reuses the first's workers
 */
export function keptPointWorkers(openNew: () => PointWorker): {
  open: () => PointWorker;
  /** Workers kept idle now. */
  idle: () => number;
} {
  const idle: PointWorker[] = [];
  const open = (): PointWorker => {
    const worker = idle.pop() ?? openNew();
    let pending = 0;
    let failed = false;
    let closed = false;
    return {
      run: (scenario) => {
        pending++;
        return worker.run(scenario).then(
          (summary) => {
            pending--;
            return summary;
          },
          (e: unknown) => {
            pending--;
            failed = true;
            throw e;
          },
        );
      },
      close: () => {
        if (closed) return;
        closed = true;
        if (pending === 0 && !failed) idle.push(worker);
        else worker.close();
      },
    };
  };
  return { open, idle: () => idle.length };
}
