/**
 * Replay in the app, the page's side: the controller hands the engine a trace's requests and runs the
 * scenario naming it; scenarios naming that trace keep it, any other trace runs on its generated
 * workload with a notice (never silently).
 */
import { describe, expect, it } from 'vitest';
import { createController } from '../../src/runtime/controller.ts';
import { RunClient } from '../../src/runtime/engineClient.ts';
import { EngineSession } from '../../src/runtime/session.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import type { Summary } from '../../src/engine/types.ts';
import { TraceReader } from '../../src/trace/read/index.ts';
import { replayScenario, shapeOf, workloadOf } from '../../src/trace/replay.ts';
import { localPort } from '../../src/worker/localPort.ts';

function trace() {
  const reader = new TraceReader({ format: 'csv' });
  const lines = Array.from({ length: 500 }, (_, i) => `${i * 4},k${(i * 31) % 50},120,get`);
  reader.push(new TextEncoder().encode(['time_ms,key,size,op', ...lines].join('\n') + '\n'));
  return reader.finish();
}

describe('Replay this trace, on the page', () => {
  it('runs the trace in the engine, keeps it for scenarios naming it, and drops any other with a notice', async () => {
    const base = { ...getPreset('baseline')!, durationMs: 5000 };
    const store = createAppStore(base);
    const session = new EngineSession(
      new RunClient(
        localPort(() => 0),
        'main',
      ),
      store,
      base,
      () => 0,
    );
    const controller = createController(session, store, () => Promise.resolve([]));
    const t = trace();
    const scenario = replayScenario(base, shapeOf(t), { name: 'mine.csv', timeScale: 1 });
    const workload = workloadOf(t);
    controller.replayTrace(scenario, workload);
    expect(controller.heldTrace()).toBe('mine.csv');
    expect(workload.key.length).toBe(0); // transferred to the engine, not copied
    expect(store.getState().applied.workload.trace?.name).toBe('mine.csv');
    await session.seek(scenario.durationMs);
    const summary = await session.query<'summary'>({ kind: 'summary' });
    expect((summary as Summary).replay).toMatchObject({ trace: 'mine.csv', made: 500 });

    // The same trace at another time scale: the requests the engine holds are replayed again.
    controller.replayTrace(replayScenario(base, shapeOf(t), { name: 'mine.csv', timeScale: 2 }), null);
    expect(store.getState().applied.workload.trace?.timeScale).toBe(2);
    expect(store.getState().notice).toBeNull();

    // A scenario naming another trace (a link, a file) runs without it, and says so.
    const other = {
      ...scenario,
      workload: { ...scenario.workload, trace: { ...scenario.workload.trace!, name: 'theirs.csv' } },
    };
    controller.loadScenario(other);
    expect(store.getState().applied.workload.trace).toBeNull();
    expect(store.getState().notice).toContain(
      'replays the trace "theirs.csv", which this page does not have',
    );
    session.dispose();
  });
});
