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
export function runPool<P, R>(
  items: readonly P[],
  runners: readonly Runner<P, R>[],
  options: PoolOptions<R> = {},
): Promise<R[]> {
  const single = runners.map((run) => async (batch: readonly P[]) => [await run(batch[0] as P)]);
  return runBatches(items, single, options, () => 1);
}

/** Runs a batch of items somewhere else and resolves with their results, in the batch's order. */
export type BatchRunner<P, R> = (items: readonly P[]) => Promise<R[]>;

/**
 * How many of the `remaining` items a free runner takes (guided self-scheduling): half its share of
 * what is left, so the first batches are large (few messages) and the last are single items (no runner
 * idles long while another finishes a big batch).
 *
 * @example guidedBatch(20, 2) // 5; guidedBatch(3, 2) // 1
 */
export const guidedBatch = (remaining: number, runners: number): number =>
  Math.max(1, Math.min(remaining, Math.floor(remaining / (2 * Math.max(1, runners)))));

/**
 * `runPool` for runners that take several items a message: each free runner takes the next
 * `batchSize` items (`guidedBatch` unless told). Resolves with the results in the items' order;
 * `onResult` hears each item of a batch as the batch comes back. The first failure rejects, and no
 * further batch is started after it.
 */
export async function runBatches<P, R>(
  items: readonly P[],
  runners: readonly BatchRunner<P, R>[],
  options: PoolOptions<R> = {},
  batchSize: (remaining: number, runners: number) => number = guidedBatch,
): Promise<R[]> {
  if (runners.length === 0 && items.length > 0) throw new Error('a pool needs at least one runner');
  const results = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  let failed = false;
  const stopped = () => failed || (options.cancelled?.() ?? false);
  const lane = async (run: BatchRunner<P, R>): Promise<void> => {
    while (!stopped() && next < items.length) {
      const start = next;
      next += batchSize(items.length - start, runners.length);
      try {
        const out = await run(items.slice(start, next));
        out.forEach((result, i) => {
          results[start + i] = result;
          done++;
          options.onResult?.(start + i, result, done);
        });
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(runners.map(lane));
  return results;
}
