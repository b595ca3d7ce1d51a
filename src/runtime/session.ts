import type { Scenario, SimMs } from '../engine/types.ts';
import {
  applyParticleBatch,
  createOutcomeRing,
  createParticleBuffer,
  type OutcomeRing,
  type ParticleBuffer,
} from '../render/particles.ts';
import type { AppStore } from '../store/appStore.ts';
import type { Command, EngineEvent, PlaybackState, Query, QueryResult } from '../worker/protocol.ts';
import { createStoreBridge } from './bridge.ts';
import type { RunClient } from './engineClient.ts';
import type { Notable } from './notable.ts';

/** Particles the page keeps in flight at most. */
const PARTICLE_CAPACITY = 12_000;
/** Longest the canvas runs ahead of the last frame received (a slow reply must not run off). */
const MAX_EXTRAPOLATE_WALL_MS = 100;

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
  /** Wall ms the worker and this thread spent on the last frame. */
  workMs = 0;
  applyMs = 0;
  private frameId: number | null = null;
  private frameWall = 0;
  private requestWall = 0;
  private seekBusy = false;
  private seekNext: SimMs | null = null;
  private seekIdle: Promise<void> = Promise.resolve();
  private readonly off: () => void;

  constructor(
    private readonly client: RunClient,
    private readonly store: AppStore,
    scenario: Scenario,
    private readonly clock: () => number = () => performance.now(),
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
    const bridge = createStoreBridge(store);
    this.off = client.on((e) => this.onEvent(e, bridge));
    client.send({ type: 'load', scenario });
  }

  private onEvent(e: EngineEvent, bridge: ReturnType<typeof createStoreBridge>): void {
    if (e.type === 'frame') {
      const t0 = this.clock();
      if (e.id === this.frameId) {
        this.frameId = null;
        this.frameWall = this.requestWall;
      }
      applyParticleBatch(this.particles, this.ring, e.particles, e.retireAtMs);
      this.state = e.state;
      this.workMs = e.workMs;
      this.version++;
      this.applyMs = this.clock() - t0;
    } else if (e.type === 'update') {
      this.state = e.state;
      bridge(e);
    } else if (e.type === 'error') {
      this.store.getState().setNotice(`The simulation reported a problem: ${e.message}`);
    }
  }

  /** Asks the worker to advance to the page's wall clock, unless a frame is already on its way. */
  requestFrame(wallNow: number): void {
    if (this.frameId !== null) return;
    this.requestWall = wallNow;
    this.frameId = this.client.frame(wallNow);
  }

  /**
   * The simulated time to paint at `wallNow`: the last frame's time moved on by the wall time since
   * that frame was asked for, so particles glide at 60 fps even when a reply is a little late.
   */
  paintTime(wallNow: number): SimMs {
    const s = this.state;
    if (!s.playing || s.behind) return s.nowMs;
    const ahead = Math.min(MAX_EXTRAPOLATE_WALL_MS, Math.max(0, wallNow - this.frameWall));
    return Math.min(s.durationMs, s.nowMs + ahead * s.speed);
  }

  send(cmd: Command): void {
    this.client.send(cmd);
  }

  call<T>(cmd: Command): Promise<T> {
    return this.client.call<T>(cmd);
  }

  query<K extends Query['kind']>(query: Extract<Query, { kind: K }>): Promise<QueryResult[K]> {
    return this.client.query(query);
  }

  load(scenario: Scenario): void {
    this.state = { ...this.state, durationMs: scenario.durationMs };
    this.client.send({ type: 'load', scenario });
  }

  /**
   * Seeks to `t`; while a seek is running, later targets replace each other and only the last runs.
   * Resolves once the engine has arrived at the last target asked for.
   */
  seek(t: SimMs): Promise<void> {
    this.store.setState({ seekTargetMs: t });
    if (this.seekBusy) {
      this.seekNext = t;
      return this.seekIdle;
    }
    this.seekBusy = true;
    let settle = () => {};
    this.seekIdle = new Promise((resolve) => (settle = resolve));
    const run = (target: SimMs) => {
      const done = () => {
        const next = this.seekNext;
        this.seekNext = null;
        if (next !== null) return run(next);
        this.seekBusy = false;
        this.store.setState({ seekTargetMs: null });
        settle();
      };
      this.client.call({ type: 'seek', tMs: target }).then(done, done);
    };
    run(t);
    return this.seekIdle;
  }

  nextNotable(): Promise<Notable | null> {
    return this.client.call<Notable | null>({ type: 'nextNotable' });
  }

  dispose(): void {
    this.off();
    this.client.close();
  }
}
