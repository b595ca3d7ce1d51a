import type { Change, Scenario, Simulation, SimMs } from '../engine/types.ts';
import { deepEqual } from '../scenario/json.ts';
import { stageNodeIds } from '../render/layout.ts';
import { ParticleFeed } from './particleFeed.ts';
import { SnapshotStore } from './snapshots.ts';
import { clampSpeed } from './speed.ts';
import { findNextNotable, type CreateSimulation, type Notable } from './notable.ts';
import { clip } from '../scenario/quote.ts';

export type { CreateSimulation };

/** Wall-clock time a hop stays visible, whatever the speed. */
const MIN_VISIBLE_WALL_MS = 450;
/**
 * Wall time the simulation may use per frame. It runs in a worker, beside the page's painting, so it
 * may use most of a 60 Hz frame; the reply must still come back within one.
 */
const FRAME_BUDGET_MS = 10;
/** Longest wall gap treated as continuous (a backgrounded tab must not fast-forward minutes). */
const MAX_WALL_STEP_MS = 100;
/** Wall time one engine chunk should take while playing, so the budget is checked often. */
const CHUNK_WALL_MS = 0.75;
/** Simulated time of the first chunk of a fast-forward, before the event rate is known. */
const FIRST_CHUNK_MS = 100;

/**
 * Turns wall time into simulated time at a speed factor, within a per-frame budget, and feeds the
 * particle batches. Owns the Simulation and its snapshots; it runs in the engine's worker (see
 * src/worker/), and the page only sees what the worker sends.
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
  /** Particles that arrived before this simulated time can go (the page retires them). */
  retireAtMs = 0;
  /** Why the engine stopped, when it threw (an engine bug): shown as a notice; the controls still work. */
  failure: string | null = null;
  readonly feed = new ParticleFeed();
  snapshots = new SnapshotStore();
  /** Simulated ms the engine covers per wall ms (running average), to size chunks within the budget. */
  private simPerWallMs = 5;
  /** Events per simulated ms (running average), to stop near the time the next snapshot is due. */
  private eventsPerSimMs = 0;
  private lastWall: number | null = null;

  constructor(
    scenario: Scenario,
    private readonly create: CreateSimulation,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.scenario = scenario;
    this.sim = this.fresh();
  }

  get minVisibleMs(): number {
    return MIN_VISIBLE_WALL_MS * this.speed;
  }

  private fresh(): Simulation {
    const { topology } = this.scenario;
    // The CDC node comes last, so numbering it always keeps every other index as the layout has it,
    // whether the strategy is CDC from the start, switches to it live, or never does.
    this.feed.setNodes(
      stageNodeIds({
        instances: topology.instances,
        shards: topology.redisShards,
        cdn: topology.cdn,
        cdc: true,
      }),
    );
    return this.create(this.scenario, { trace: true });
  }

  /** Replaces the scenario and starts again from time zero (paused state is kept). */
  load(scenario: Scenario): void {
    this.failure = null;
    this.scenario = scenario;
    this.sim = this.fresh();
    this.snapshots = new SnapshotStore();
    this.feed.reset();
    this.retireAtMs = 0;
    this.lastWall = null;
  }

  restart(): void {
    this.load(this.scenario);
  }

  play(): void {
    if (this.sim.done()) this.restart();
    this.playing = true;
    this.lastWall = null;
  }

  pause(): void {
    this.playing = false;
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  setSpeed(speed: number): void {
    this.speed = clampSpeed(speed);
  }

  /** Processes exactly one engine event; pauses first so the change is visible. */
  step(): void {
    this.playing = false;
    const before = this.sim.now();
    this.sim.setTracing(true);
    if (!this.guard(() => this.sim.step())) return;
    this.feed.drain(this.sim, this.minVisibleMs, this.sim.now() - before);
    this.retireAtMs = this.sim.now();
  }

  /**
   * Moves to simulated time `t`: from the nearest snapshot at or before it (also when it lies ahead of
   * the current time), untraced until the last visible stretch, traced from there so the frame shows
   * the traffic in flight at `t`.
   */
  seek(t: SimMs): void {
    const target = Math.max(0, Math.min(t, this.scenario.durationMs));
    const snap = this.snapshots.before(target);
    if (target < this.sim.now() || (snap !== null && snap.atMs > this.sim.now())) {
      if (snap) this.sim.restore(snap);
      else this.sim = this.fresh();
    }
    this.feed.reset();
    if (!this.guard(() => this.advanceTo(target, Infinity, target - this.minVisibleMs))) return;
    this.retireAtMs = this.sim.now();
  }

  /**
   * Runs engine work; if the engine throws (a bug, such as a mechanism scheduling itself at `now`), the
   * run stops where it is with a message instead of failing every frame after. False when it threw.
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
      return false;
    }
  }

  /**
   * Applies a live change now, at the current simulated time, and returns it as recorded. Setting the
   * same field again at the same instant (a slider dragged while paused) replaces the earlier value
   * rather than adding another change. Returns the time from which the run differs.
   */
  applyChange(path: string, value: unknown): { change: Change; from: SimMs } {
    const now = this.sim.now();
    const list = this.sim.changes();
    const prev = list.filter((c) => c.atMs <= now).at(-1);
    if (prev && prev.atMs === now && prev.path === path) {
      const at = list.lastIndexOf(prev);
      const change: Change = { atMs: now, path, value };
      this.setChanges([...list.slice(0, at), change, ...list.slice(at + 1)]);
      return { change: this.sim.changes()[at]!, from: now };
    }
    const change = this.sim.applyChange({ path, value });
    this.scenario = this.sim.scenario;
    this.snapshots.dropAfter(now);
    return { change, from: now };
  }

  /**
   * Replaces the run's list of changes (undo, reset, a change edited) and re-simulates from the latest
   * snapshot before the first one that differs, back to the current time. Returns the time from which
   * the run differs (Infinity when the list is the same).
   */
  setChanges(changes: readonly Change[]): SimMs {
    const old = this.sim.changes();
    let i = 0;
    while (i < old.length && i < changes.length && deepEqual(old[i], changes[i])) i++;
    if (i === old.length && i === changes.length) return Infinity;
    const from = Math.min(old[i]?.atMs ?? Infinity, changes[i]?.atMs ?? Infinity);
    const now = this.sim.now();
    const scenario = { ...this.scenario, changes: [...changes] };
    // Created first: an invalid list throws here, before anything of the run is lost.
    const sim = this.create(scenario, { trace: true });
    // A snapshot taken at `from` may hold a change made at that instant: keep only earlier ones.
    this.snapshots.dropAfter(from, true);
    this.scenario = scenario;
    this.sim = sim;
    this.seek(now);
    return from;
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

  /**
   * Called once per animation frame with the page's wall clock; advances when playing, at most to
   * `maxSimMs` (a view showing several runs on one clock holds the faster ones back).
   */
  tick(wallNow: number, maxSimMs = Infinity): void {
    if (!this.playing) {
      this.lastWall = wallNow;
      return;
    }
    const dt = this.lastWall === null ? 0 : Math.max(0, Math.min(MAX_WALL_STEP_MS, wallNow - this.lastWall));
    this.lastWall = wallNow;
    const from = this.sim.now();
    const wanted = Math.min(this.scenario.durationMs, from + dt * this.speed, Math.max(from, maxSimMs));
    let reached = true;
    if (!this.guard(() => (reached = this.advanceTo(wanted, FRAME_BUDGET_MS, -Infinity)))) return;
    this.behind = !reached;
    if (dt > 0) {
      const achieved = (this.sim.now() - from) / dt;
      this.achievedSpeed = this.achievedSpeed * 0.9 + achieved * 0.1;
    }
    this.retireAtMs = this.sim.now() - this.minVisibleMs * 0.02;
    if (this.sim.done() || this.sim.now() >= this.scenario.durationMs) this.playing = false;
  }

  /**
   * Runs the engine towards `target` in chunks, untraced before `traceFrom` and traced after it,
   * taking the snapshots that fall due on the way, until the target or the budget (in wall ms) is
   * reached. Returns whether the target was reached.
   */
  private advanceTo(target: SimMs, budgetMs: number, traceFrom: SimMs): boolean {
    const t0 = this.clock();
    const sim = this.sim;
    while (sim.now() < target) {
      const now = sim.now();
      const events = sim.events();
      const untilDue = this.snapshots.eventsUntilDue(now, events);
      if (untilDue <= 0) this.snapshots.add(sim.snapshot(), events);
      const traced = now >= traceFrom;
      sim.setTracing(traced);
      let end = traced ? target : Math.min(target, traceFrom);
      if (Number.isFinite(budgetMs))
        end = Math.min(end, now + Math.max(0.02, this.simPerWallMs * CHUNK_WALL_MS));
      // Stop about where the next snapshot falls due (the event rate says when).
      const left = untilDue <= 0 ? this.snapshots.eventsUntilDue(now, events) : untilDue;
      end = Math.min(end, now + (this.eventsPerSimMs > 0 ? left / this.eventsPerSimMs : FIRST_CHUNK_MS));
      const c0 = this.clock();
      sim.runUntil(end);
      const advanced = sim.now() - now;
      if (advanced > 0) {
        const rate = (sim.events() - events) / advanced;
        this.eventsPerSimMs = this.eventsPerSimMs === 0 ? rate : this.eventsPerSimMs * 0.7 + rate * 0.3;
      }
      if (traced) this.feed.drain(sim, this.minVisibleMs, advanced);
      const spent = this.clock() - c0;
      if (spent > 0.05) {
        // Drop at once when work gets denser (a herd arrives), recover slowly: an overlong chunk is the
        // one thing the budget check cannot interrupt.
        const rate = advanced / spent;
        this.simPerWallMs = rate < this.simPerWallMs ? rate : this.simPerWallMs * 0.8 + rate * 0.2;
      }
      if (this.clock() - t0 > budgetMs) return sim.now() >= target;
      // The engine caps runUntil at the duration; stop rather than spin if the clock cannot move.
      if (sim.now() <= now) break;
    }
    sim.setTracing(true);
    return true;
  }
}
