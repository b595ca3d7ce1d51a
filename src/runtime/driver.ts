import type { RunOptions, Scenario, Simulation, SimMs } from '../engine/types.ts';
import { ParticleFeed } from './particleFeed.ts';
import { SnapshotStore } from './snapshots.ts';
import { clampSpeed } from './speed.ts';
import { findNextNotable, type Notable } from './notable.ts';
import { clip } from '../scenario/quote.ts';

export type CreateSimulation = (scenario: Scenario, options?: RunOptions) => Simulation;

/** Wall-clock time a hop stays visible, whatever the speed. */
const MIN_VISIBLE_WALL_MS = 450;
/** Share of a 60 Hz frame the simulation may use; the rest is for painting and React. */
const FRAME_BUDGET_MS = 7;
/** Longest wall gap treated as continuous (a backgrounded tab must not fast-forward minutes). */
const MAX_WALL_STEP_MS = 100;
/** Wall time one engine chunk should take, so the budget is checked often. */
const CHUNK_WALL_MS = 0.75;
/** Wall time between two snapshots while playing. */
const SNAPSHOT_WALL_GAP_MS = 500;

export interface DriverListener {
  (reason: 'tick' | 'jump' | 'load' | 'state'): void;
}

/**
 * Turns wall time into simulated time at a speed factor, within a per-frame budget, and feeds the
 * particle buffer. Owns the Simulation; React only sees what the bridge publishes to the store.
 */
export class Driver {
  sim: Simulation;
  scenario: Scenario;
  playing = false;
  speed = 1;
  /** Achieved speed (exponential average); below `speed` when the engine cannot keep up. */
  achievedSpeed = 0;
  /** True while the last frames ran out of budget before reaching the wanted simulated time. */
  behind = false;
  /** Why the engine stopped, when it threw (an engine bug): shown as a notice; the controls still work. */
  failure: string | null = null;
  readonly feed = new ParticleFeed();
  snapshots: SnapshotStore;
  /** Bumped on every change, so the canvas repaints only when there is something new to show. */
  version = 0;
  private listeners = new Set<DriverListener>();
  /** Simulated ms the engine covers per wall ms (running average), to size chunks within the budget. */
  private simPerWallMs = 5;
  private lastWall: number | null = null;

  constructor(
    scenario: Scenario,
    private readonly create: CreateSimulation,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.scenario = scenario;
    this.sim = create(scenario, { trace: true });
    this.snapshots = this.newSnapshots();
  }

  subscribe(fn: DriverListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(reason: Parameters<DriverListener>[0]): void {
    this.version++;
    for (const fn of this.listeners) fn(reason);
  }

  private newSnapshots(): SnapshotStore {
    return new SnapshotStore(Math.max(1000, this.scenario.durationMs / 120));
  }

  get minVisibleMs(): number {
    return MIN_VISIBLE_WALL_MS * this.speed;
  }

  /** Replaces the scenario and starts again from time zero (paused state is kept). */
  load(scenario: Scenario): void {
    this.failure = null;
    this.scenario = scenario;
    this.sim = this.create(scenario, { trace: true });
    this.snapshots = this.newSnapshots();
    this.feed.reset();
    this.lastWall = null;
    this.emit('load');
  }

  restart(): void {
    this.load(this.scenario);
  }

  play(): void {
    if (this.sim.done()) this.restart();
    this.playing = true;
    this.lastWall = null;
    this.emit('state');
  }

  pause(): void {
    this.playing = false;
    this.emit('state');
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  setSpeed(speed: number): void {
    this.speed = clampSpeed(speed);
    this.emit('state');
  }

  /** Processes exactly one engine event; pauses first so the change is visible. */
  step(): void {
    this.playing = false;
    const before = this.sim.now();
    if (!this.guard(() => this.sim.step())) return;
    this.feed.drain(this.sim, this.minVisibleMs, this.sim.now() - before);
    this.feed.retire(this.sim.now());
    this.emit('jump');
  }

  /**
   * Runs engine work; if the engine throws (a bug, such as a mechanism scheduling itself at `now`), the
   * run stops where it is with a message instead of killing the animation loop. False when it threw.
   */
  private guard(work: () => unknown): boolean {
    try {
      work();
      return true;
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      this.playing = false;
      this.failure =
        `The simulation stopped at ${(this.sim.now() / 1000).toFixed(3)} s: ${clip(why, 200)}. ` +
        'The controls still work: restart, seek back, or load a preset.';
      this.emit('state');
      return false;
    }
  }

  /** Moves to simulated time `t`: nearest snapshot before it, then deterministic re-simulation. */
  seek(t: SimMs): void {
    const target = Math.max(0, Math.min(t, this.scenario.durationMs));
    if (target < this.sim.now()) {
      const snap = this.snapshots.before(target);
      if (snap) this.sim.restore(snap.snap);
      else this.sim = this.create(this.scenario, { trace: true });
    }
    this.feed.reset();
    // Hops of the last instants before the target make the paused frame show traffic, not emptiness;
    // retiring colours those whose request has completed.
    if (!this.guard(() => this.advanceTo(target, Infinity, false))) return;
    this.feed.retire(this.sim.now());
    this.emit('jump');
  }

  /** Seeks to the next failure, alert or expiry of the hottest key; returns what it found. */
  nextNotable(): Notable | null {
    const found = findNextNotable(this.sim, this.create);
    if (found) {
      this.playing = false;
      this.seek(found.atMs);
    }
    return found;
  }

  /** Called once per animation frame with the wall clock; advances when playing. */
  tick(wallNow: number): void {
    if (!this.playing) {
      this.lastWall = wallNow;
      return;
    }
    const dt = this.lastWall === null ? 0 : Math.min(MAX_WALL_STEP_MS, wallNow - this.lastWall);
    this.lastWall = wallNow;
    const from = this.sim.now();
    const wanted = Math.min(this.scenario.durationMs, from + dt * this.speed);
    let reached = true;
    if (!this.guard(() => (reached = this.advanceTo(wanted, FRAME_BUDGET_MS, true)))) return;
    this.behind = !reached;
    if (dt > 0) {
      const achieved = (this.sim.now() - from) / dt;
      this.achievedSpeed = this.achievedSpeed * 0.9 + achieved * 0.1;
    }
    this.feed.retire(this.sim.now() - this.minVisibleMs * 0.02);
    if (this.sim.done() || this.sim.now() >= this.scenario.durationMs) this.playing = false;
    this.emit('tick');
  }

  /**
   * Runs the engine towards `target` in chunks, snapshotting on the way, until the target or the
   * budget (in wall ms) is reached. Returns whether the target was reached.
   */
  private advanceTo(target: SimMs, budgetMs: number, draw: boolean): boolean {
    const t0 = this.clock();
    // Snapshots cost milliseconds on big key spaces: while playing, at most about two per wall second.
    const minGap = Number.isFinite(budgetMs) ? this.speed * SNAPSHOT_WALL_GAP_MS : 0;
    while (this.sim.now() < target) {
      const now = this.sim.now();
      // Aim each chunk at about a millisecond of wall time so the budget check is fine-grained.
      const chunk = Math.max(0.02, this.simPerWallMs * CHUNK_WALL_MS);
      const due = Math.max(this.snapshots.nextDue(), this.snapshots.lastAt() + minGap);
      const end = Math.min(target, now + chunk, due > now ? due : target);
      const c0 = this.clock();
      this.sim.runUntil(end);
      // Seeking only draws the final stretch before the target, so the frozen frame has traffic.
      const drawNow = draw || target - this.sim.now() < this.minVisibleMs;
      this.feed.drain(this.sim, this.minVisibleMs, this.sim.now() - now, drawNow);
      if (this.sim.now() >= due) this.snapshots.add(this.sim.now(), this.sim.snapshot());
      const spent = this.clock() - c0;
      if (spent > 0.05) {
        // Drop at once when work gets denser (a herd arrives), recover slowly: an overlong chunk is the
        // one thing the budget check cannot interrupt.
        const rate = (this.sim.now() - now) / spent;
        this.simPerWallMs = rate < this.simPerWallMs ? rate : this.simPerWallMs * 0.8 + rate * 0.2;
      }
      if (this.clock() - t0 > budgetMs) return this.sim.now() >= target;
      // The engine caps runUntil at the duration; stop rather than spin if the clock cannot move.
      if (this.sim.now() <= now) break;
    }
    return true;
  }
}
