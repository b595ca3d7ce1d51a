import { createContext, useContext } from 'react';
import type { KeyView, NodeId, SimMs, Summary, TraceHop, TraceRequest } from '../engine/types.ts';
import { failureSchema, type FailureKind, type Scenario } from '../scenario/schema.ts';
import { getPreset } from '../scenario/presets/index.ts';
import type { AppStore } from '../store/appStore.ts';
import type { Driver } from './driver.ts';
import { createCheckRunner, type SummariesAt } from './checkRunner.ts';
import { stepSpeed } from './speed.ts';

/** Everything the UI can ask the simulation to do. Components get it from context (tests pass a fake). */
export interface Controller {
  play(): void;
  pause(): void;
  toggle(): void;
  step(): void;
  restart(): void;
  setSpeed(speed: number): void;
  faster(): void;
  slower(): void;
  seek(tMs: number): void;
  nextNotable(): void;
  setSeed(seed: number): void;
  loadPreset(id: string): void;
  /** Loads any scenario from time zero (a lesson step); `presetId` when it is an untouched preset. */
  loadScenario(scenario: Scenario, presetId: string | null): void;
  /**
   * Runs a scenario headless, away from the page's thread, and returns its Summary at each of `times`
   * (a lesson's check); the live run is left alone.
   */
  summariesAt(scenario: Scenario, times: readonly SimMs[]): Promise<Summary[]>;
  /** Runs the draft from time zero; the draft stays as it is for further edits. */
  applyDraft(): void;
  /** Adds a failure at the current time and re-simulates up to now, so it happens "now". */
  injectFailure(kind: FailureKind, durationMs: number): void;
  /** Read-only views for the inspector and charts, taken from the live simulation. */
  inspectKey(key: number): KeyView;
  nodeKeys(node: NodeId, limit: number): { key: number; version: number; expiresAtMs: SimMs | null }[];
  recentRequests(): TraceRequest[];
  /** A drawn request once it has completed; undefined while it is in flight or after it is forgotten. */
  request(requestId: number): TraceRequest | undefined;
  hopsOf(requestId: number): TraceHop[];
}

export const ControllerContext = createContext<Controller | null>(null);

export function useController(): Controller {
  const c = useContext(ControllerContext);
  if (!c) throw new Error('ControllerContext is not provided');
  return c;
}

export function createController(
  driver: Driver,
  store: AppStore,
  measure: SummariesAt = createCheckRunner(),
): Controller {
  // The request open in the inspector stays in the log however many others pass meanwhile.
  store.subscribe((s, prev) => {
    if (s.selection !== prev.selection) {
      driver.feed.log.pin(s.selection?.kind === 'request' ? s.selection.requestId : null);
    }
  });
  const load = (scenario: Scenario, presetId: string | null) => {
    store.getState().setApplied(scenario, presetId);
    store.getState().select(null);
    driver.load(scenario);
  };
  const c: Controller = {
    play: () => driver.play(),
    pause: () => driver.pause(),
    toggle: () => driver.toggle(),
    step: () => driver.step(),
    restart: () => driver.restart(),
    setSpeed: (s) => driver.setSpeed(s),
    faster: () => driver.setSpeed(stepSpeed(driver.speed, 1)),
    slower: () => driver.setSpeed(stepSpeed(driver.speed, -1)),
    seek: (t) => driver.seek(t),
    nextNotable: () => {
      const found = driver.nextNotable();
      store
        .getState()
        .setPlayback({ notable: found ? found.label : 'Nothing notable ahead in the next 30 s' });
    },
    setSeed: (seed) => {
      const s = store.getState();
      const next = { ...s.applied, seed };
      load(next, s.presetId);
      s.setDraft({ ...s.draft, seed });
    },
    loadPreset: (id) => {
      const preset = getPreset(id);
      if (preset) load(preset, id);
    },
    loadScenario: (scenario, presetId) => load(scenario, presetId),
    summariesAt: (scenario, times) => measure(scenario, times),
    applyDraft: () => {
      const { draft } = store.getState();
      const keepDraft = draft;
      load(draft, null);
      store.getState().setDraft(keepDraft);
    },
    injectFailure: (kind, durationMs) => {
      const now = driver.sim.now();
      const s = store.getState();
      // Parsed so fields the schema adds (with defaults) are filled in.
      const failure = failureSchema.parse({ atMs: now, kind, durationMs });
      const failures = [...s.applied.failures, failure].sort((a, b) => a.atMs - b.atMs);
      const next = { ...s.applied, failures };
      const wasPlaying = driver.playing;
      load(next, null);
      driver.seek(now + 1);
      if (wasPlaying) driver.play();
    },
    inspectKey: (key) => driver.sim.inspectKey(key),
    nodeKeys: (node, limit) => driver.sim.nodeKeys(node, limit),
    recentRequests: () => driver.feed.log.recent(),
    request: (id) => driver.feed.log.request(id),
    hopsOf: (id) => driver.feed.log.hopsOf(id),
  };
  return c;
}
