import type { SimMs } from '../engine/types.ts';
import { createAppStore } from '../store/appStore.ts';
import type { AppStore, CompareRun } from '../store/types.ts';
import { openEnginePort } from '../worker/port.ts';
import type { CompareSide } from './compareUrl.ts';
import { RunClient } from './engineClient.ts';
import { EngineSession } from './session.ts';

/**
 * Run B of an A/B comparison: a store and an engine session of its own, in a second Web Worker (so on
 * a two-core machine each run has a core), playing on A's clock. The controller sends every playback
 * command to both; the frames hold each run to the other's time, so neither drifts ahead. The store
 * keeps the run (`compare`, a CompareRun); B's session is found from it with `compareSession`.
 */
export type { CompareRun } from '../store/types.ts';

/** B's session of each open comparison (the store's CompareRun names no runtime type). */
const sessions = new WeakMap<CompareRun, EngineSession>();

/** Run B's engine session. */
export function compareSession(run: CompareRun): EngineSession {
  const session = sessions.get(run);
  if (!session) throw new Error('compareSession: this comparison was not opened by openCompare');
  return session;
}

/** How far one run may get ahead of the other, in wall time at the current speed: two 60 Hz frames. */
const LEAD_WALL_MS = 34;

/**
 * Starts B beside A, on A's seed, at `atMs` (A's time), in A's play state and with A's draw setting.
 *
 * @example const b = openCompare({ scenario: getPreset('stampede-lock')!, presetId: 'stampede-lock' }, session, store, 0);
 */
export function openCompare(side: CompareSide, a: EngineSession, aStore: AppStore, atMs: SimMs): CompareRun {
  const scenario = { ...side.scenario, seed: aStore.getState().applied.seed };
  const store = createAppStore(scenario);
  store.getState().setApplied(scenario, side.presetId);
  // B draws as many requests as A does: the two stages side by side read alike.
  store.getState().setDrawSetting(aStore.getState().drawSetting);
  const port = openEnginePort();
  const session = new EngineSession(new RunClient(port, 'compare-b'), store, scenario);
  const lead = () => LEAD_WALL_MS * aStore.getState().speed;
  a.holdTo = () => session.state.nowMs + lead();
  session.holdTo = () => a.state.nowMs + lead();
  session.send({ type: 'setSpeed', speed: aStore.getState().speed });
  if (atMs > 0) void session.seek(atMs);
  if (aStore.getState().playing) session.send({ type: 'play' });
  const run: CompareRun = {
    side: { scenario, presetId: side.presetId },
    store,
    close: () => {
      a.holdTo = null;
      session.dispose();
      port.close();
    },
  };
  sessions.set(run, session);
  return run;
}
