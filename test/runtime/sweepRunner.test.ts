import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import type { Summary } from '../../src/engine/types.ts';
import { headlineValues } from '../../src/report/headline.ts';
import { startSweep, sweepBatch, type PointWorker } from '../../src/runtime/sweepRunner.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import { planSweep } from '../../src/sweep/plan.ts';
import { stampedeSweep } from './sweepFixture.ts';

const { base, plan, meta } = stampedeSweep(3000);

/** Workers whose runs the test finishes by hand; `closed` and `started` say what the sweep did to them. */
function manualWorkers() {
  const waiting: { scenario: Scenario; resolve: (s: Summary) => void; reject: (e: Error) => void }[] = [];
  let closed = 0;
  const open = (): PointWorker => {
    const mine: typeof waiting = [];
    return {
      run: (scenario) =>
        new Promise<Summary>((resolve, reject) => {
          const w = { scenario, resolve, reject };
          waiting.push(w);
          mine.push(w);
        }),
      close: () => {
        closed++;
        for (const w of mine.splice(0)) w.reject(new Error('the worker was stopped'));
      },
    };
  };
  return { open, waiting, closed: () => closed };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('startSweep', () => {
  it('runs every point and keeps each run headline figures, counting progress', async () => {
    const store = createAppStore(base);
    const inProcess = (): PointWorker => ({ run: async (s) => runScenario(s), close: () => {} });
    const seen: number[] = [];
    const off = store.subscribe((s) => s.sweep && seen.push(s.sweep.done));
    await startSweep(plan, meta, store, 2, inProcess).done;
    off();
    const sweep = store.getState().sweep!;
    expect(sweep).toMatchObject({
      status: 'done',
      done: 6,
      total: 6,
      path: 'database.readMs',
      values: [20, 60, 100],
    });
    expect(sweep.seeds).toEqual(plan.seeds);
    expect(seen.at(-1)).toBe(6);
    expect([...new Set(seen)]).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const p of plan.points) {
      const r = sweep.results.find((x) => x.value === p.value && x.seed === p.seed)!;
      expect(r.figures).toEqual(headlineValues(runScenario(p.scenario)));
    }
  });

  it('Cancel stops the workers, starts nothing more and keeps what finished', async () => {
    const store = createAppStore(base);
    const w = manualWorkers();
    const sweep = startSweep(plan, meta, store, 2, w.open);
    await tick();
    expect(w.waiting).toHaveLength(2);
    w.waiting[0]!.resolve(runScenario(w.waiting[0]!.scenario));
    await tick();
    expect(w.waiting).toHaveLength(3);
    sweep.cancel();
    await sweep.done;
    await tick();
    expect(w.closed()).toBe(2);
    expect(w.waiting).toHaveLength(3);
    expect(store.getState().sweep).toMatchObject({ status: 'cancelled', done: 1 });
    expect(store.getState().sweep!.results).toHaveLength(1);
  });

  it('says why when a run fails, and stops the workers', async () => {
    const store = createAppStore(base);
    const w = manualWorkers();
    const sweep = startSweep(plan, meta, store, 3, w.open);
    await tick();
    w.waiting[1]!.reject(new Error('load.scenario: cache.l2.ttlMs: got -5'));
    await sweep.done;
    expect(store.getState().sweep).toMatchObject({
      status: 'failed',
      message: 'load.scenario: cache.l2.ttlMs: got -5',
    });
    expect(w.closed()).toBe(3);
  });

  it('sends the points in batches, as the CLI does, and gets the results each point gets alone', async () => {
    const many = planSweep(base, {
      param: 'database.readMs',
      values: [20, 40, 60, 80, 100, 120],
      seeds: 2,
      durationMs: 1000,
    });
    if (!many.ok) throw new Error(many.message);
    const store = createAppStore(base);
    // Each worker runs what it is handed one after another; the largest number handed over at once is a batch.
    let largest = 0;
    const batching = (): PointWorker => {
      let queued: Scenario[] = [];
      return {
        run: (scenario) => {
          queued.push(scenario);
          largest = Math.max(largest, queued.length);
          return Promise.resolve().then(() => {
            queued = queued.filter((q) => q !== scenario);
            return runScenario(scenario);
          });
        },
        close: () => {},
      };
    };
    await startSweep(many.value, { ...meta, durationMs: 1000 }, store, 2, batching).done;
    expect(largest).toBe(sweepBatch(12, 2));
    expect(largest).toBeGreaterThan(1);
    const sweep = store.getState().sweep!;
    expect(sweep).toMatchObject({ status: 'done', done: 12, total: 12 });
    for (const p of many.value.points) {
      const r = sweep.results.filter((x) => x.value === p.value && x.seed === p.seed);
      expect(r).toHaveLength(1);
      expect(r[0]!.figures).toEqual(headlineValues(runScenario(p.scenario)));
    }
  });
});
