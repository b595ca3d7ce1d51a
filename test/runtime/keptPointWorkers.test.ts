import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import type { Summary } from '../../src/engine/types.ts';
import { headlineValues } from '../../src/report/headline.ts';
import { keptPointWorkers } from '../../src/runtime/keptPointWorkers.ts';
import { startSweep, type PointWorker } from '../../src/runtime/sweepRunner.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import { stampedeSweep } from './sweepFixture.ts';

const { base, plan, meta } = stampedeSweep(2000);

/** Workers that run in process, or wait to be finished by hand; counts what was opened and ended. */
function countedWorkers(manual = false) {
  const waiting: { scenario: Scenario; resolve: (s: Summary) => void; reject: (e: Error) => void }[] = [];
  const count = { opened: 0, ended: 0 };
  const open = (): PointWorker => {
    count.opened++;
    const mine: typeof waiting = [];
    return {
      run: (scenario) =>
        manual
          ? new Promise<Summary>((resolve, reject) => {
              const w = { scenario, resolve, reject };
              waiting.push(w);
              mine.push(w);
            })
          : Promise.resolve().then(() => runScenario(scenario)),
      close: () => {
        count.ended++;
        for (const w of mine.splice(0)) w.reject(new Error('the worker was stopped'));
      },
    };
  };
  return { open, waiting, count };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('keptPointWorkers', () => {
  it('gives a finished sweep its workers back, and the next sweep runs on them with the same results', async () => {
    const w = countedWorkers();
    const kept = keptPointWorkers(w.open);
    const store = createAppStore(base);
    await startSweep(plan, meta, store, 2, kept.open).done;
    expect(w.count).toEqual({ opened: 2, ended: 0 });
    expect(kept.idle()).toBe(2);
    await startSweep(plan, meta, store, 2, kept.open).done;
    expect(w.count).toEqual({ opened: 2, ended: 0 });
    const sweep = store.getState().sweep!;
    expect(sweep).toMatchObject({ status: 'done', done: 6 });
    for (const p of plan.points) {
      const r = sweep.results.find((x) => x.value === p.value && x.seed === p.seed)!;
      expect(r.figures).toEqual(headlineValues(runScenario(p.scenario)));
    }
    // A larger sweep opens only what is missing.
    await startSweep(plan, meta, store, 3, kept.open).done;
    expect(w.count.opened).toBe(3);
    expect(kept.idle()).toBe(3);
  });

  it('ends the workers Cancel stops mid-run instead of keeping them', async () => {
    const w = countedWorkers(true);
    const kept = keptPointWorkers(w.open);
    const sweep = startSweep(plan, meta, createAppStore(base), 2, kept.open);
    await tick();
    expect(w.waiting).toHaveLength(2);
    sweep.cancel();
    await sweep.done;
    expect(w.count.ended).toBe(2);
    expect(kept.idle()).toBe(0);
  });

  it('ends a worker whose run failed', async () => {
    const w = countedWorkers(true);
    const kept = keptPointWorkers(w.open);
    const store = createAppStore(base);
    const sweep = startSweep(plan, meta, store, 3, kept.open);
    await tick();
    // Two workers finish their point; the third fails.
    w.waiting[0]!.resolve(runScenario(w.waiting[0]!.scenario));
    w.waiting[1]!.resolve(runScenario(w.waiting[1]!.scenario));
    await tick();
    w.waiting[2]!.reject(new Error('the engine worker stopped'));
    await sweep.done;
    await tick();
    expect(store.getState().sweep).toMatchObject({ status: 'failed' });
    // The failed one is ended; the others were busy with their next points when the sweep stopped.
    expect(w.count.ended).toBe(3);
    expect(kept.idle()).toBe(0);
  });
});
