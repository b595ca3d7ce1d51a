import { withoutTrace } from './traceless.ts';
import { createContext, useContext } from 'react';
import type { KeyView, NodeId, SimMs, Summary } from '../engine/types.ts';
import type { WorkloadRequests } from '../engine/flow/types.ts';
import type { FailureKind, Scenario } from '../scenario/schema.ts';
import { loadedPresets, loadPresets, type PresetBook } from '../scenario/presets/load.ts';
import { defaultScenario } from '../scenario/presets/defaultScenario.ts';
import type { AppStore } from '../store/appStore.ts';
import type { NodeKeyEntry, RequestDetail } from '../worker/protocol.ts';
import type { EngineSession } from './session.ts';
import { createCheckRunner, type SummariesAt } from './checkRunner.ts';
import { clampSpeed, stepSpeed } from './speed.ts';
import { KIT_UNAVAILABLE, withSchemaKit, type SchemaKit } from '../scenario/loadSchemaKit.ts';
import { withoutLastGroup } from './changeGroups.ts';
import { compareSession, openCompare } from './compareRun.ts';
import { estimateCost } from '../engine/cost.ts';
import { liveChangeCost } from './liveCost.ts';
import type { CompareSide } from './compareUrl.ts';
import { DEFAULT_PRESET } from './initialScenario.ts';
import { nothingAhead } from './notableText.ts';

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
  /**
   * Runs any scenario from time zero (a lesson step, a sweep's "Open"), as if typed into the panel and
   * applied; `presetId` when it is an untouched preset.
   */
  loadScenario(scenario: Scenario, presetId?: string | null): void;
  /**
   * Runs a scenario headless, away from the page's thread, and returns its Summary at each of `times`
   * (a lesson's check); the live run is left alone.
   */
  summariesAt(scenario: Scenario, times: readonly SimMs[]): Promise<Summary[]>;
  /**
   * Replays a read trace on the stage: hands the engine the trace's requests (transferred, when given;
   * null keeps those it holds, to replay the same trace at another time scale) and runs `scenario`,
   * which names it (`workload.trace`), from time zero.
   */
  replayTrace(scenario: Scenario, workload: WorkloadRequests | null): void;
  /** The name of the trace whose requests the engine holds, or null. */
  heldTrace(): string | null;
  /** Runs the draft from time zero; the draft stays as it is for further edits. */
  applyDraft(): void;
  /**
   * Runs B beside the running scenario (A), on A's seed and clock: play, pause, step, seek, speed and
   * restart move both from then on. Replaces any comparison already open.
   */
  startCompare(b: CompareSide): void;
  stopCompare(): void;
  /** Adds a failure at the current time and re-simulates up to now, so it happens "now". */
  injectFailure(kind: FailureKind, durationMs: number): void;
  /**
   * Sets a field that may change mid-run: a live change at the current time (coalesced to one per
   * frame), or, before the run has started, part of the scenario itself.
   */
  setLiveField(path: string, value: unknown): void;
  /** Removes the last change (all the steps of one slider drag) and re-simulates without it. */
  undoChange(): void;
  /** "Reset to preset": drops the live changes and the edits not applied yet. */
  resetToPreset(): void;
  /** Runs the scenario the cost guard held back, as asked. */
  confirmCost(): void;
  /** Keeps what ran before the costly scenario (or opens the default preset when nothing ran yet). */
  cancelCost(): void;
  /** Read-only views for the inspector, answered by the engine's worker from the live simulation. */
  inspectKey(key: number): Promise<KeyView>;
  nodeKeys(node: NodeId, limit: number): Promise<NodeKeyEntry[]>;
  /** A followed request's hops so far, and how it ended once it has. */
  requestDetail(requestId: number): Promise<RequestDetail>;
  /** The run's whole Summary at its current time, series included (what Export saves). */
  summary(): Promise<Summary>;
  /**
   * Replaces an engine that stopped answering or keeps failing by a new worker, with the same scenario,
   * live changes, time and speed.
   */
  restartEngine(): void;
}

export const ControllerContext = createContext<Controller | null>(null);

export function useController(): Controller {
  const c = useContext(ControllerContext);
  if (!c) throw new Error('ControllerContext is not provided');
  return c;
}

export function createController(
  session: EngineSession,
  store: AppStore,
  measure: SummariesAt = createCheckRunner(),
): Controller {
  // The request open in the inspector stays in the worker's log however many others pass.
  store.subscribe((s, prev) => {
    if (s.selection !== prev.selection) {
      session.send({
        type: 'follow',
        requestId: s.selection?.kind === 'request' ? s.selection.requestId : null,
      });
    }
  });
  // What ran before the last load, for a cost prompt's Cancel to go back to.
  let before = { applied: store.getState().applied, presetId: store.getState().presetId };
  const remember = () => {
    const s = store.getState();
    if (s.costPrompt === null) before = { applied: s.applied, presetId: s.presetId };
  };
  const load = (named: Scenario, presetId: string | null) => {
    const { scenario, notice } = withoutTrace(named, session.heldTrace);
    if (notice !== null) store.getState().setNotice(notice);
    remember();
    store.getState().setApplied(scenario, presetId);
    store.setState({ selection: null, notable: null });
    session.load(scenario);
  };
  /** Run B, when a comparison is open. */
  const b = () => {
    const cmp = store.getState().compare;
    return cmp ? compareSession(cmp) : undefined;
  };
  /** A starts again from zero with a new scenario or seed: B starts again too, on A's seed. */
  const reload = (scenario: Scenario, presetId: string | null) => {
    load(scenario, presetId);
    const cmp = store.getState().compare;
    if (cmp) open(cmp.side, 0);
  };
  const open = (named: CompareSide, atMs: SimMs) => {
    const traceless = withoutTrace(named.scenario);
    if (traceless.notice !== null) store.getState().setNotice(traceless.notice);
    const side = { ...named, scenario: traceless.scenario };
    store.getState().compare?.close();
    // B's worker would refuse a heavy B, and nothing would say so beside A: refuse it here, in words.
    if (estimateCost(side.scenario).overBudget) {
      store.setState({ compare: null });
      store
        .getState()
        .setNotice(
          `"${side.scenario.title}" was not compared: it is estimated above the cost budget, and a ` +
            'comparison runs it beside this one. Shorten it or lower its load, then compare again.',
        );
      return;
    }
    store.setState({ compare: openCompare(side, session, store, atMs) });
  };
  // Speed shows at once; the worker's next update confirms it.
  const setSpeed = (speed: number) => {
    store.setState({ speed: clampSpeed(speed) });
    session.send({ type: 'setSpeed', speed });
    b()?.send({ type: 'setSpeed', speed });
  };
  /** Play or Restart with an engine that stopped or keeps failing: a new engine first (see restartEngine). */
  const revive = () => {
    const health = store.getState().engineHealth;
    if (health === 'silent' || health === 'failing') session.restartEngine();
  };
  /** A field set from the panel: a live change once the run has started, else part of the scenario. */
  const setField = (kit: SchemaKit, path: string, value: unknown) => {
    const { validateChange, applyChangesTo } = kit;
    const s = store.getState();
    if (s.nowMs > 0 || s.events > 0) {
      // A question is open: nothing changes behind it.
      if (s.costPrompt) return;
      const check = validateChange(path, value);
      const estimate = check.ok ? liveChangeCost(s.applied, s.nowMs, s.events, path, check.value) : null;
      if (estimate) {
        // Asked first, as a heavy scenario is; the run goes on as it was meanwhile.
        store.setState({
          costPrompt: { scenario: s.applied, estimate, replacesRun: true, change: { path, value } },
        });
        return;
      }
      return session.liveChange(path, value);
    }
    // Nothing has run yet: the value is part of the scenario, not a change at 0 s.
    if (!validateChange(path, value).ok) return;
    remember();
    const applied = applyChangesTo(s.applied, [{ path, value }]);
    const draft = s.draft === s.applied ? applied : applyChangesTo(s.draft, [{ path, value }]);
    store.setState({ applied, draft, presetId: null });
    session.load(applied);
  };
  const c: Controller = {
    // Play, pause and step show when the worker has carried them out (within a frame): shown at once,
    // the time they stopped at would follow in a second change, and an embed's host hear two events.
    play: () => {
      revive();
      void session.playback('play');
      void b()?.playback('play');
    },
    pause: () => {
      const other = b();
      if (!other) return void session.playback('pause');
      // The two workers stop a frame apart: B then goes to where A stopped, so both show one time.
      void other.playback('pause');
      void session.playback('pause').then(() => other.seek(session.state.nowMs));
    },
    toggle: () => (store.getState().playing ? c.pause() : c.play()),
    step: () => {
      const other = b();
      if (!other) return void session.playback('step');
      // One event of A, then B to A's new time: the two runs' next events are not at the same time.
      void other.playback('pause');
      void session.playback('step').then(() => other.seek(session.state.nowMs));
    },
    restart: () => {
      revive();
      session.send({ type: 'restart' });
      b()?.send({ type: 'restart' });
    },
    setSpeed,
    faster: () => setSpeed(stepSpeed(store.getState().speed, 1)),
    slower: () => setSpeed(stepSpeed(store.getState().speed, -1)),
    seek: (t) => {
      void session.seek(t);
      void b()?.seek(t);
    },
    nextNotable: () => {
      const from = store.getState().nowMs;
      void session.nextNotable().then((found) => {
        if (found) void b()?.seek(found.atMs);
        const s = store.getState();
        s.setPlayback({ notable: found ? found.label : nothingAhead(from, s.applied.durationMs) });
      });
    },
    setSeed: (seed) => {
      const s = store.getState();
      const next = { ...s.applied, seed };
      reload(next, s.presetId);
      s.setDraft({ ...s.draft, seed });
    },
    loadPreset: (id) => {
      const open = (book: PresetBook) => {
        const preset = book.getPreset(id);
        if (preset) reload(preset, id);
      };
      const book = loadedPresets();
      if (book) return open(book);
      // The presets are a chunk fetched on first use: the run goes on until they are here.
      loadPresets().then(open, () =>
        store
          .getState()
          .setNotice('The presets could not be loaded. Check the connection and pick the preset again.'),
      );
    },
    loadScenario: (scenario, presetId = null) => reload(scenario, presetId),
    replayTrace: (scenario, workload) => {
      const name = scenario.workload.trace?.name;
      if (name === undefined) return reload(scenario, null);
      if (workload !== null) {
        session.setWorkload(name, workload);
        store.setState({ heldTrace: { name, requests: workload.length } });
      }
      reload(scenario, null);
    },
    heldTrace: () => session.heldTrace,
    summariesAt: (scenario, times) => measure(scenario, times),
    applyDraft: () => {
      const { draft } = store.getState();
      const keepDraft = draft;
      reload(draft, null);
      store.getState().setDraft(keepDraft);
    },
    // B starts where A is going: a link's `t=` (or a drag) may still be re-simulating A to its time.
    startCompare: (side) => open(side, store.getState().seekTargetMs ?? session.state.nowMs),
    stopCompare: () => {
      store.getState().compare?.close();
      store.setState({ compare: null });
    },
    injectFailure: (kind, durationMs) => {
      const now = session.state.nowMs;
      // Parsed so fields the schema adds (with defaults) are filled in.
      withSchemaKit(
        ({ parseFailure }) => {
          const s = store.getState();
          const failure = parseFailure(now, kind, durationMs);
          const failures = [...s.applied.failures, failure].sort((a, b) => a.atMs - b.atMs);
          const wasPlaying = s.playing;
          load({ ...s.applied, failures }, null);
          // Not coalesced with the timeline's seeks: it must run before the play below.
          session.send({ type: 'seek', tMs: now + 1 });
          if (wasPlaying) c.play();
        },
        () => store.getState().setNotice(`The failure could not be injected: ${KIT_UNAVAILABLE}.`),
      );
    },
    setLiveField: (path, value) =>
      withSchemaKit(
        (kit) => setField(kit, path, value),
        () => store.getState().setNotice(`That change could not be made: ${KIT_UNAVAILABLE}.`),
      ),
    undoChange: () => {
      void session.setChanges(withoutLastGroup(store.getState().applied.changes));
    },
    resetToPreset: () => {
      const s = store.getState();
      store.setState({ draft: s.applied });
      if (s.applied.changes.length > 0) void session.setChanges([]);
    },
    confirmCost: () => {
      const prompt = store.getState().costPrompt;
      if (!prompt) return;
      store.setState({ costPrompt: null });
      if (prompt.change) return session.liveChange(prompt.change.path, prompt.change.value);
      session.load(prompt.scenario, true);
    },
    cancelCost: () => {
      const prompt = store.getState().costPrompt;
      if (!prompt) return;
      store.setState({ costPrompt: null });
      // A live change not made: the run and the panel keep the value they had.
      if (prompt.change) return;
      if (prompt.replacesRun) {
        // The worker still runs what it ran; the draft keeps the user's edits.
        store.setState({ applied: before.applied, presetId: before.presetId });
        return;
      }
      const fallback = defaultScenario();
      load(fallback, DEFAULT_PRESET);
      store
        .getState()
        .setNotice(
          `"${prompt.scenario.title}" was not run: it is estimated above the cost budget. ` +
            `Showing the ${fallback.title} scenario instead.`,
        );
    },
    inspectKey: (key) => session.query({ kind: 'inspectKey', key }),
    nodeKeys: (node, limit) => session.query({ kind: 'nodeKeys', node, limit }),
    requestDetail: (requestId) => session.query({ kind: 'request', requestId }),
    summary: () => session.query({ kind: 'summary' }),
    restartEngine: () => session.restartEngine(),
  };
  return c;
}
