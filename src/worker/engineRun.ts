import { createSimulation } from '../engine/index.ts';
import type { Scenario, SimMs } from '../engine/types.ts';
import { batchTransfer } from '../render/particles.ts';
import { Driver, type CreateSimulation } from '../runtime/driver.ts';
import type { Command, EngineEvent, PlaybackState, Query, QueryResult } from './protocol.ts';
import { lengthsUpTo, NO_SAMPLES, SeriesSender } from './seriesDelta.ts';

/** Node views and playback state reach the page at most this often while playing. */
const UPDATE_INTERVAL_MS = 100;
/** The summary costs milliseconds to build on busy runs (and to copy across): refresh it less often. */
const SUMMARY_INTERVAL_MS = 250;

export type PostEvent = (event: EngineEvent, transfer?: Transferable[]) => void;

/**
 * One run inside the worker: a Driver (simulation, snapshots, particle feed) and what the page has
 * been sent of it. Commands arrive in order; each one that changes what the page shows is followed by
 * an `update` at once (before its reply), and playing frames by one at most every 100 ms.
 */
export class EngineRun {
  private readonly driver: Driver;
  private readonly series = new SeriesSender();
  private lastUpdate = -Infinity;
  private lastSummary = -Infinity;
  /** Whether the page has the run's current list of changes. */
  private changesSent = false;
  /** The engine failure the page was last told about. */
  private failureSent: string | null = null;

  constructor(
    scenario: Scenario,
    private readonly post: PostEvent,
    private readonly clock: () => number = () => performance.now(),
    create: CreateSimulation = createSimulation,
  ) {
    this.driver = new Driver(scenario, create, clock);
  }

  /** Acts on one command of this run; `id`, when given, is answered with a `reply`. */
  handle(cmd: Command, id: number | undefined): void {
    const d = this.driver;
    let result: unknown = null;
    switch (cmd.type) {
      case 'load':
        d.load(cmd.scenario);
        this.series.keepAtMost(NO_SAMPLES);
        this.changesSent = false;
        break;
      case 'play':
        d.play();
        break;
      case 'pause':
        d.pause();
        break;
      case 'toggle':
        d.toggle();
        break;
      case 'restart':
        d.restart();
        this.series.keepAtMost(NO_SAMPLES);
        break;
      case 'step':
        d.step();
        break;
      case 'seek':
        d.seek(cmd.tMs);
        break;
      case 'setSpeed':
        d.setSpeed(cmd.speed);
        break;
      case 'nextNotable':
        result = d.nextNotable();
        break;
      case 'frame':
        if (cmd.drawLimit !== undefined) d.feed.target = cmd.drawLimit;
        return this.frame(cmd.wallMs, cmd.maxSimMs, id);
      case 'runToEnd':
        d.pause();
        d.sim.setTracing(false);
        d.sim.runUntil(Infinity);
        d.sim.setTracing(true);
        result = d.sim.summary();
        break;
      case 'applyChange': {
        const { change, from } = d.applyChange(cmd.path, cmd.value);
        this.changed(from);
        result = change;
        break;
      }
      case 'setChanges':
        this.changed(d.setChanges(cmd.changes));
        break;
      case 'follow':
        d.feed.log.pin(cmd.requestId);
        return;
      case 'query':
        result = this.query(cmd.query);
        break;
      case 'dispose':
        return;
    }
    // The update first: when the page hears the reply, what the command did is already in its store.
    if (cmd.type !== 'query') this.sendUpdate(true);
    this.reportFailure();
    if (id !== undefined) this.post({ type: 'reply', id, result });
  }

  private frame(wallMs: number, maxSimMs: number | undefined, id: number | undefined): void {
    const t0 = this.clock();
    const d = this.driver;
    const wasPlaying = d.playing;
    d.tick(wallMs, maxSimMs);
    const particles = d.feed.take();
    const event: EngineEvent = {
      type: 'frame',
      state: this.state(),
      particles,
      retireAtMs: d.retireAtMs,
      workMs: this.clock() - t0,
    };
    if (id !== undefined) event.id = id;
    this.post(event, batchTransfer(particles));
    // The run just ended (or keeps playing): the page hears about it within a tenth of a second.
    if (wasPlaying && !d.playing) this.sendUpdate(true);
    else if (d.playing && this.clock() - this.lastUpdate >= UPDATE_INTERVAL_MS) this.sendUpdate(false);
    this.reportFailure();
  }

  /** An engine failure (the run stopped where it was) reaches the page once, as an error event. */
  private reportFailure(): void {
    const failure = this.driver.failure;
    if (failure !== null && failure !== this.failureSent) this.post({ type: 'error', message: failure });
    this.failureSent = failure;
  }

  private query(q: Query): QueryResult[Query['kind']] {
    const sim = this.driver.sim;
    switch (q.kind) {
      case 'inspectKey':
        return sim.inspectKey(q.key);
      case 'nodeKeys':
        return sim.nodeKeys(q.node, q.limit);
      case 'request': {
        const log = this.driver.feed.log;
        return { request: log.request(q.requestId) ?? null, hops: log.hopsOf(q.requestId) };
      }
      case 'summary':
        return sim.summary();
    }
  }

  /** The run differs from `from` on: the samples after it are no longer what the page holds. */
  private changed(from: SimMs): void {
    if (from === Infinity) return;
    this.series.keepAtMost(lengthsUpTo(this.driver.sim.summary(), from));
    this.changesSent = false;
  }

  private state(): PlaybackState {
    const d = this.driver;
    return {
      nowMs: d.sim.now(),
      durationMs: d.scenario.durationMs,
      playing: d.playing,
      speed: d.speed,
      achievedSpeed: d.achievedSpeed,
      behind: d.behind,
      sampleEvery: d.feed.sampleEvery,
      events: d.sim.events(),
      done: d.sim.done(),
    };
  }

  private sendUpdate(force: boolean): void {
    const now = this.clock();
    this.lastUpdate = now;
    const withSummary = force || now - this.lastSummary >= SUMMARY_INTERVAL_MS;
    const sim = this.driver.sim;
    const event: EngineEvent = {
      type: 'update',
      state: this.state(),
      nodes: sim.nodes(),
      recent: this.driver.feed.log.recent(),
    };
    if (!this.changesSent) {
      event.changes = [...sim.changes()];
      this.changesSent = true;
    }
    if (withSummary) {
      this.lastSummary = now;
      const cut = this.series.cut(sim.summary());
      event.summary = cut.summary;
      event.seriesFrom = cut.from;
    }
    this.post(event);
  }
}
