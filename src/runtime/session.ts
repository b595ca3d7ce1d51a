import type { Change, Scenario, SimMs } from '../engine/types.ts';
import { LiveEdits } from './liveEdits.ts';
import { SeekQueue } from './seekQueue.ts';
import {
  applyParticleBatch,
  createOutcomeRing,
  createParticleBuffer,
  type OutcomeRing,
  type ParticleBatch,
  type ParticleBuffer,
} from '../render/particles.ts';
import type { AppStore } from '../store/types.ts';
import type { WorkloadRequests } from '../engine/flow/types.ts';
import { workloadTransfer } from '../worker/workloadMessage.ts';
import { withoutTrace } from './traceless.ts';
import type { Command, EventMessage, PlaybackState, Query, QueryResult } from '../worker/protocol.ts';
import { createStoreBridge } from './bridge.ts';
import { PlaybackHold } from './playbackHold.ts';
import type { RunClient } from './engineClient.ts';
import type { Notable } from './notable.ts';
import { EngineWatch } from './engineWatch.ts';
import { DEFAULT_DRAWN, MAX_DRAWN } from '../render/drawCounts.ts';
import { FramePacer } from './framePacer.ts';
import { HealthReport } from './healthReport.ts';

/** Particles the page keeps in flight at most: twice the most any draw setting asks for. */
const PARTICLE_CAPACITY = 2 * MAX_DRAWN;

/**
 * The page's side of the app's run: sends the controller's commands to the engine's worker, asks for
 * one frame per animation frame (never two in flight, so nothing piles up), keeps the particles in
 * flight for the canvas, and passes `update` events to the store. Seeks are coalesced: while one is
 * being re-simulated, only the latest target of a drag waits.
 */
export class EngineSession {
  readonly particles: ParticleBuffer = createParticleBuffer(PARTICLE_CAPACITY);
  readonly ring: OutcomeRing = createOutcomeRing();
  /** Bumped whenever the particles change, so the canvas repaints only then. */
  version = 0;
  state: PlaybackState;
  /** Most particles to keep in flight, sent with every frame request (the canvas sets it). */
  drawLimit = DEFAULT_DRAWN;
  /** Told of every frame's particle batch once applied to `particles` (see `listenBatches`). */
  private onBatch: ((batch: ParticleBatch, retireAtMs: SimMs) => void) | null = null;
  /** Wall ms the worker and this thread spent on the last frame. */
  workMs = 0;
  applyMs = 0;
  /**
   * When set, the latest simulated time a frame may reach: a compare view holds each of its two runs
   * to the other's clock, so they play on one clock however unevenly their work falls.
   */
  holdTo: (() => SimMs) | null = null;
  /** The name of the trace whose requests the engine holds (`setWorkload`), or null. */
  heldTrace: string | null = null;
  /** The frame in flight and when it was asked for (see FramePacer). */
  private readonly frames = new FramePacer();
  private readonly seeks: SeekQueue;
  private off: () => void;
  private bridge: ReturnType<typeof createStoreBridge>;
  private readonly watch: EngineWatch;
  private readonly report: HealthReport;
  /** A scenario to load and live edits, sent with the next frame request (one per frame at most). */
  private pendingLoad: { scenario: Scenario; force: boolean } | null = null;
  /**
   * False until the worker has a run for this session. It has none when the first scenario was refused
   * as too costly: frames and commands wait (rather than fail) until one is loaded.
   */
  private hasRun = false;
  private firstRefused = false;
  /** Play, pause and step shown once the worker has done them (see PlaybackHold). */
  private readonly hold = new PlaybackHold();
  private readonly edits: LiveEdits;

  /**
   * `reopen` starts a new engine (a new worker) for `restartEngine`; without it (a compare view's run B,
   * tests) the session keeps its one engine.
   */
  constructor(
    private client: RunClient,
    private readonly store: AppStore,
    scenario: Scenario,
    private readonly clock: () => number = () => performance.now(),
    private readonly reopen: (() => RunClient) | null = null,
  ) {
    this.state = {
      nowMs: 0,
      durationMs: scenario.durationMs,
      playing: false,
      speed: 1,
      achievedSpeed: 0,
      behind: false,
      sampleEvery: 1,
      events: 0,
      done: false,
    };
    this.watch = new EngineWatch(clock());
    this.report = new HealthReport(store, reopen !== null);
    this.edits = new LiveEdits(store);
    this.seeks = new SeekQueue(
      (tMs) => {
        this.frames.markHeavy({ type: 'seek', tMs });
        return this.client.call({ type: 'seek', tMs });
      },
      (target) => this.store.setState({ seekTargetMs: target }),
    );
    this.bridge = createStoreBridge(store);
    this.off = client.on((e) => this.onEvent(e));
    this.pendingLoad = { scenario, force: false };
    this.flush();
  }

  private onEvent(e: EventMessage): void {
    const ok = e.type === 'frame' || e.type === 'update';
    if (ok) this.hasRun = true;
    this.frames.answered(e.type === 'frame' || e.type === 'error' ? e.id : undefined);
    if (e.type !== 'error' || e.run !== null || e.id !== undefined)
      this.report.health(this.watch.heard(this.clock(), ok));
    if (e.type === 'frame') {
      const t0 = this.clock();
      this.frames.received(e.id);
      applyParticleBatch(this.particles, this.ring, e.particles, e.retireAtMs);
      this.onBatch?.(e.particles, e.retireAtMs);
      this.state = e.state;
      this.workMs = e.workMs;
      this.version++;
      this.applyMs = this.clock() - t0;
    } else if (e.type === 'update') {
      this.state = this.hold.shown(e.state);
      if (!this.hold.hold(e)) this.bridge(e);
    } else if (e.type === 'error') {
      // A frame that failed is over too: the next one may be asked for (frames must never stall). So is
      // one in flight when the worker itself failed (an error for no run and no command).
      const ofFrame = this.frames.inFlight(e.id);
      const workerFailed = e.run === null && e.id === undefined;
      if (ofFrame || workerFailed) this.frames.drop();
      if (workerFailed) this.report.health(this.watch.heard(this.clock(), false));
      // A frame asked for before any run exists (the first scenario was refused) finds none: no news.
      if (ofFrame && !this.hasRun) return;
      // An engine that keeps failing says so once, with a way out, rather than a message per frame.
      if (this.watch.health !== 'ok') return;
      this.report.problem(e.message);
    } else if (e.type === 'overBudget') {
      if (!this.hasRun) this.firstRefused = true;
      this.store.setState({
        costPrompt: { scenario: e.scenario, estimate: e.estimate, replacesRun: this.hasRun },
      });
    }
  }

  /**
   * Stops asking for frames (an embed scrolled out of view, or in a hidden tab): the worker then does
   * nothing for this run until `suspended` is false again, and the canvas stops its drawing loop
   * (`whenResumed`). Commands still go through.
   */
  get suspended(): boolean {
    return this.isSuspended;
  }
  set suspended(value: boolean) {
    this.isSuspended = value;
    if (value) return;
    const waiting = this.resumeWaiters.splice(0);
    for (const wake of waiting) wake();
  }
  private isSuspended = false;
  private readonly resumeWaiters: (() => void)[] = [];

  /** Calls `wake` once the session is no longer suspended (at once when it is not). */
  whenResumed(wake: () => void): void {
    if (this.isSuspended) this.resumeWaiters.push(wake);
    else wake();
  }

  /**
   * Has `listen` told of every frame's particle batch once applied to `particles` (a paint worker keeps
   * its own copy of the particles from them), until the returned function is called. One listener.
   */
  listenBatches(listen: (batch: ParticleBatch, retireAtMs: SimMs) => void): () => void {
    this.onBatch = listen;
    return () => {
      if (this.onBatch === listen) this.onBatch = null;
    };
  }

  /** Asks the worker to advance to the page's wall clock, unless a frame is already on its way. */
  requestFrame(wallNow: number): void {
    this.flush();
    const now = this.clock();
    const frames = this.frames;
    const busy = this.seeks.busy || frames.heavy;
    this.report.health(this.watch.check(now, frames.id !== null, busy, frames.askedAt));
    if (frames.id !== null || this.suspended || this.waiting() || this.watch.health === 'failing') return;
    if (frames.idle(this.state.playing, busy, this.client.commandsSent, wallNow)) return;
    frames.ask(wallNow, now, this.client.commandsSent, () =>
      this.client.frame(wallNow, this.holdTo?.(), this.drawLimit),
    );
  }

  /**
   * Replaces a dead, stuck or failing engine by a new one (a new worker) and brings the run back as it
   * was: the scenario with its live changes (edits not yet confirmed are made again), the time and the
   * speed, paused. The engine is deterministic, so the run is the same one, event for event.
   */
  restartEngine(): void {
    if (!this.reopen) return;
    const { applied: was, presetId } = this.store.getState();
    // A trace's requests were the old engine's (transferred to it): the new one runs without them, and says so.
    const { scenario: applied, notice } = withoutTrace(was);
    this.heldTrace = null;
    if (notice !== null) {
      this.store.getState().setApplied(applied, presetId);
      this.store.getState().setNotice(`The new engine does not hold the trace's requests. ${notice}`);
    }
    const at = this.state.nowMs;
    const speed = this.state.speed;
    const edits = this.edits.values();
    this.off();
    this.client.terminate();
    this.client = this.reopen();
    this.frames.restart();
    this.bridge = createStoreBridge(this.store);
    this.off = this.client.on((e) => this.onEvent(e));
    this.seeks.reset();
    this.hasRun = false;
    this.firstRefused = false;
    this.edits.clear(true);
    // A play, pause or step the old engine never answered is void, and so are the updates it held.
    this.hold.clear();
    this.watch.reset(this.clock());
    this.store.setState({ engineHealth: 'restarting', playing: false, liveOverlay: {}, seekTargetMs: null });
    // It ran before (or was confirmed), so the cost guard has had its say.
    this.pendingLoad = { scenario: applied, force: true };
    const back = this.seek(at); // sends the load first
    if (speed !== 1) this.client.send({ type: 'setSpeed', speed });
    void back.then(() => {
      for (const [path, value] of edits) this.liveChange(path, value);
      if (this.store.getState().engineHealth === 'restarting') this.store.setState({ engineHealth: 'ok' });
    });
  }

  /**
   * The simulated time to paint at `wallNow`: the last frame's time moved on by the wall time since
   * that frame was asked for, so particles glide at 60 fps even when a reply is a little late.
   */
  paintTime(wallNow: number): SimMs {
    return this.frames.paintTime(this.state, wallNow);
  }

  /** True while there is no run to talk to (the first scenario was refused as too costly). */
  private waiting(): boolean {
    return !this.hasRun && this.firstRefused;
  }

  send(cmd: Command): void {
    this.flush();
    if (this.waiting()) return;
    this.frames.markHeavy(cmd);
    this.client.send(cmd);
  }

  /**
   * Plays, pauses or steps (a step pauses). Until the worker's reply, updates it sent before it took
   * the command are shown with the state asked for; resolves once the command has been carried out.
   */
  playback(type: 'play' | 'pause' | 'step'): Promise<void> {
    this.flush();
    if (this.waiting()) return Promise.resolve();
    const settle = this.hold.begin(type === 'play', (u) => this.bridge(u));
    return this.client.call({ type }).then(settle, settle);
  }

  call<T>(cmd: Command): Promise<T> {
    this.flush();
    this.frames.markHeavy(cmd);
    return this.client.call<T>(cmd);
  }

  query<K extends Query['kind']>(query: Extract<Query, { kind: K }>): Promise<QueryResult[K]> {
    this.flush();
    return this.client.query(query);
  }

  /**
   * Hands the engine the requests of the trace `name` (transferred: the arrays are the worker's after
   * this), for the scenarios that replay it. Sent before any scenario waiting to load, which may name it.
   */
  setWorkload(name: string, workload: WorkloadRequests): void {
    this.heldTrace = name;
    this.client.send({ type: 'workload', name, workload }, workloadTransfer(workload));
  }

  /**
   * Replaces the scenario (coalesced: a slider dragged before the run starts loads once a frame).
   * `force` runs it even when it is estimated above the cost budget (the user said so).
   */
  load(scenario: Scenario, force = false): void {
    this.state = { ...this.state, durationMs: scenario.durationMs };
    this.pendingLoad = { scenario, force };
    this.firstRefused = false;
    this.edits.clear(true);
    this.store.setState({ liveOverlay: {} });
  }

  /**
   * A live change of a field at the current time. Coalesced: a slider dragged for a second sends one
   * change per frame (the latest value), and the panel shows the value at once.
   */
  liveChange(path: string, value: unknown): void {
    this.edits.change(path, value);
  }

  /** Replaces the run's changes (undo, reset); the engine re-simulates back to the current time. */
  setChanges(changes: Change[]): Promise<void> {
    this.edits.clear(false);
    this.store.setState({ liveOverlay: {} });
    return this.call({ type: 'setChanges', changes });
  }

  /** Sends what waits to be coalesced, before any other command so the worker sees them in order. */
  private flush(): void {
    if (this.pendingLoad) {
      const { scenario, force } = this.pendingLoad;
      this.frames.markHeavy({ type: 'load', scenario });
      this.client.send(force ? { type: 'load', scenario, force } : { type: 'load', scenario });
      this.pendingLoad = null;
    }
    this.edits.send(this.client);
  }

  /**
   * Seeks to `t`; while a seek is running, later targets replace each other and only the last runs.
   * Resolves once the engine has arrived at the last target asked for.
   */
  seek(t: SimMs): Promise<void> {
    // A scenario loaded (or a field changed) just before must reach the worker before the seek does.
    this.flush();
    return this.seeks.seek(t);
  }

  nextNotable(): Promise<Notable | null> {
    return this.call<Notable | null>({ type: 'nextNotable' });
  }

  dispose(): void {
    this.off();
    this.client.close();
  }
}
