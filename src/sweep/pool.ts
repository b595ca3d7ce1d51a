/**
 * Hands a sweep's points to a fixed set of runners (worker threads in the CLI, Web Workers in the app),
 * each taking the next point as soon as it is free, so a slow point never holds the others back. The
 * runners are the caller's: this module only schedules, so it is the same for every front door.
 */

/** Runs one item somewhere else and resolves with its result. */
export type Runner<P, R> = (item: P) => Promise<R>;

export interface PoolOptions<R> {
  /** Called as each item finishes, in finishing order; `done` counts the items finished so far. */
  onResult?: (index: number, result: R, done: number) => void;
  /** Once true, no further item is started (the caller stops the runners' current work). */
  cancelled?: () => boolean;
}

/**
 * Runs every item on the first free runner; resolves with the results in the items' order. The first
 * failure rejects, and no further item is started after it.
 *
 * @example
 * const summaries = await runPool(points, [runA, runB], { onResult: (_i, _r, done) => log(done) });
 */
export async function runPool<P, R>(
  items: readonly P[],
  runners: readonly Runner<P, R>[],
  options: PoolOptions<R> = {},
): Promise<R[]> {
  if (runners.length === 0 && items.length > 0) throw new Error('a pool needs at least one runner');
  const results = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  let failed = false;
  const stopped = () => failed || (options.cancelled?.() ?? false);
  const lane = async (run: Runner<P, R>): Promise<void> => {
    while (!stopped() && next < items.length) {
      const index = next++;
      try {
        const result = await run(items[index] as P);
        results[index] = result;
        done++;
        options.onResult?.(index, result, done);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(runners.map(lane));
  return results;
}
