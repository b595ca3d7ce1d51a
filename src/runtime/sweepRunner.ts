import type { Summary } from '../engine/types.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { AppStore } from '../store/appStore.ts';
import type { SweepRun } from '../store/sweepSlice.ts';
import type { SweepPlan } from '../sweep/plan.ts';
import { guidedBatch, runBatches } from '../sweep/pool.ts';
import { toResult } from '../sweep/results.ts';

/** Somewhere a sweep point runs headless: an engine worker, in the app. */
export interface PointWorker {
  /**
   * Runs the scenario to its end and resolves with its Summary. Calls made before the last has
   * finished run one after another, in order (a batch: its messages go out together, so the worker
   * goes from one run to the next without waiting for the page).
   */
  run(scenario: Scenario): Promise<Summary>;
  /** Stops the worker, its current run included; a pending `run` rejects. */
  close(): void;
}

/** What the tab shows about the sweep besides its plan. */
export type SweepMeta = Pick<SweepRun, 'base' | 'label' | 'log' | 'durationMs' | 'metrics'>;

export interface SweepHandle {
  /** Stops the workers at once (their current runs too) and marks the sweep cancelled. */
  cancel(): void;
  /** Settles when the sweep has finished, failed or been cancelled. */
  done: Promise<void>;
}

/**
 * How many of the `remaining` points a free worker takes: as the CLI's threads do (`guidedBatch`: half
 * a worker's share of what is left, so few messages at first and single points at the end, where no
 * worker should idle while another finishes a big batch).
 */
export const sweepBatch = guidedBatch;

/**
 * Runs a sweep's points on `workers` point workers (one per core), each taking the next batch of points
 * as soon as it finishes one (`sweepBatch`), and writes the progress and each run's headline figures
 * into the store as each batch comes back. Cancel terminates the workers, so no work goes on after it.
 *
 * @example
 * const sweep = startSweep(plan, meta, store, navigator.hardwareConcurrency, engineWorker);
 * cancelButton.onclick = sweep.cancel;
 */
export function startSweep(
  plan: SweepPlan,
  meta: SweepMeta,
  store: AppStore,
  workers: number,
  openWorker: () => PointWorker,
): SweepHandle {
  const { points } = plan;
  let cancelled = false;
  const update = (patch: Partial<SweepRun>) => {
    const current = store.getState().sweep;
    if (current) store.getState().setSweep({ ...current, ...patch });
  };
  store.getState().setSweep({
    ...meta,
    status: 'running',
    message: null,
    done: 0,
    total: points.length,
    path: plan.param.path,
    values: plan.values,
    seeds: plan.seeds,
    results: [],
  });
  const pool = Array.from({ length: Math.max(1, Math.min(workers, points.length)) }, openWorker);
  let closed = false;
  const close = () => {
    if (!closed) pool.forEach((w) => w.close());
    closed = true;
  };
  const runners = pool.map(
    (w) => (batch: readonly (typeof points)[number][]) =>
      Promise.all(batch.map((p) => w.run(p.scenario).then((s) => toResult(p.value, p.seed, s)))),
  );
  const done = runBatches(
    points,
    runners,
    {
      cancelled: () => cancelled,
      onResult: (_index, result, count) => {
        const current = store.getState().sweep;
        if (current && !cancelled) update({ done: count, results: [...current.results, result] });
      },
    },
    sweepBatch,
  ).then(
    () => {
      if (!cancelled) update({ status: 'done' });
    },
    (e: unknown) => {
      if (!cancelled) update({ status: 'failed', message: e instanceof Error ? e.message : String(e) });
    },
  );
  void done.finally(close);
  return {
    cancel: () => {
      if (cancelled) return;
      cancelled = true;
      close();
      update({ status: 'cancelled' });
    },
    done,
  };
}
