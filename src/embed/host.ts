import type { Controller } from '../runtime/controller.ts';
import type { AppState, AppStore } from '../store/appStore.ts';
import { estimateCost } from '../engine/cost.ts';
import { validateChange } from '../scenario/changes.ts';
import { jsonSizeWithin, type JsonSize } from '../scenario/jsonSize.ts';
import { checkScenarioTextSize, MAX_SCENARIO_TEXT } from '../scenario/url.ts';
import { parseScenarioJson, summarizeErrors } from '../scenario/validate.ts';
import type { Scenario } from '../scenario/schema.ts';
import { acceptsOrigin, ANY_ORIGIN } from './origins.ts';
import { EMBED_SOURCE, EMBED_VERSION, type EmbedCommand, type EmbedEvent } from './protocol.ts';
import { readMessage } from './readMessage.ts';

/**
 * The embed's end of the API: hears commands from the pages `origins` lists, carries them out through
 * the same controller the buttons use, and tells those pages (and only those) what happens.
 */

/** The window an embed lives in, as far as the API needs it (a fake one in unit tests). */
export interface HostWindow {
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
  readonly parent: { postMessage(message: unknown, targetOrigin: string): void };
}

/** Most `state` events a second while playing. */
export const STATE_EVENTS_PER_SECOND = 4;
const STATE_GAP_MS = 1000 / STATE_EVENTS_PER_SECOND;

/** Messages heard and not acted on, by why. */
export interface Ignored {
  /** From a page `origins` does not list. */
  origin: number;
  /** Not an embed API message at all (other scripts post messages too). */
  foreign: number;
  /** An API message that cannot be acted on (answered with an `error` event). */
  bad: number;
}

/** The scenario a `loadScenario` carries, checked as a link's is: the same size limit and messages. */
export function scenarioFromMessage(
  value: unknown,
): { ok: true; scenario: Scenario } | { ok: false; message: string } {
  // An object is measured while it is walked, and refused at the cap before it is written out.
  const size: JsonSize = typeof value === 'string' ? { ok: true } : jsonSizeWithin(value, MAX_SCENARIO_TEXT);
  if (!size.ok && size.reason === 'too-long') {
    return {
      ok: false,
      message: `the scenario is more than ${MAX_SCENARIO_TEXT} characters of JSON; at most ${MAX_SCENARIO_TEXT} are read`,
    };
  }
  let text: string;
  try {
    if (!size.ok) throw new Error('cyclic');
    text = typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return { ok: false, message: 'the scenario cannot be written as JSON (it refers to itself)' };
  }
  const tooLong = checkScenarioTextSize(text);
  if (tooLong !== null) return { ok: false, message: tooLong };
  const parsed = parseScenarioJson(text);
  return parsed.ok ? parsed : { ok: false, message: summarizeErrors(parsed.errors) };
}

export interface EmbedHostDeps {
  win: HostWindow;
  controller: Controller;
  store: AppStore;
  /** Whose commands are heard and who is told (`origins=`, or the app's own origin). */
  origins: readonly string[];
  /**
   * The origin of the page framing the embed, when the browser says (`location.ancestorOrigins`, the
   * referrer): events then go to it alone, and to nobody when it is not listed. Unknown, they go to
   * every listed origin and the browser drops all but the parent's.
   */
  parentOrigin: string | null;
  /** Called after each ignored message (the embed shows the count as a data attribute). */
  onIgnored?: (ignored: Ignored) => void;
  clock?: () => number;
}

export class EmbedHost {
  readonly ignored: Ignored = { origin: 0, foreign: 0, bad: 0 };
  private lastState = { tMs: -1, playing: false, speed: 0 };
  private lastStateAt = -Infinity;
  /** The scenario a `loadScenario` asked for while the reader is asked whether to run it. */
  private loadWaiting: Scenario | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stateQueued = false;
  private parentOrigin: string | null;
  private readonly unsubscribe: () => void;
  private readonly listener = (e: MessageEvent) => this.onMessage(e);

  constructor(private readonly deps: EmbedHostDeps) {
    this.parentOrigin = deps.parentOrigin;
    deps.win.addEventListener('message', this.listener);
    this.unsubscribe = deps.store.subscribe((s, prev) => this.onStore(s, prev));
    this.postReady();
    this.lastState = this.state(deps.store.getState());
  }

  stop(): void {
    this.deps.win.removeEventListener('message', this.listener);
    this.unsubscribe();
    clearTimeout(this.timer);
  }

  private postReady(): void {
    const s = this.deps.store.getState();
    this.post({ type: 'ready', title: s.applied.title, durationMs: s.applied.durationMs, ...this.state(s) });
  }

  /** Where events may go: only listed origins, and `*` only when `*` was listed and the parent is unknown. */
  private targets(): readonly string[] {
    const { origins } = this.deps;
    const parent = this.parentOrigin;
    if (parent !== null) return acceptsOrigin(origins, parent) ? [parent] : [];
    return origins.includes(ANY_ORIGIN) ? [ANY_ORIGIN] : origins;
  }

  private post(event: EmbedEvent): void {
    const message = { source: EMBED_SOURCE, version: EMBED_VERSION, ...event };
    for (const origin of this.targets()) this.deps.win.parent.postMessage(message, origin);
  }

  /** The playback state as events carry it: `tMs` in whole milliseconds (the engine's clock is a float). */
  private state(s: AppState) {
    return { tMs: Math.round(s.nowMs), playing: s.playing, speed: s.speed };
  }

  /** A `state` event at once on play, pause, speed or a jump; at most four a second while playing. */
  private onStore(s: AppState, prev: AppState): void {
    this.settleLoad(s, prev);
    if (s.nowMs === prev.nowMs && s.playing === prev.playing && s.speed === prev.speed) return;
    const last = this.lastState;
    const soon = s.playing && last.playing === s.playing && last.speed === s.speed;
    const wait = soon ? this.lastStateAt + STATE_GAP_MS - this.now() : 0;
    clearTimeout(this.timer);
    if (wait <= 0) this.postStateSoon();
    else this.timer = setTimeout(() => this.postState(), wait);
  }

  /**
   * Posts the state once the store changes of this task are over: a command's effect can reach the
   * store in several changes (a pause's held updates), and the page hears the state they end in, once.
   */
  private postStateSoon(): void {
    if (this.stateQueued) return;
    this.stateQueued = true;
    queueMicrotask(() => {
      this.stateQueued = false;
      this.postState();
    });
  }

  /**
   * A scenario over the cost budget waits for the reader's answer: `loaded` once they run it, an
   * `error` when they keep what ran (the controller then puts the scenario before it back).
   */
  private settleLoad(s: AppState, prev: AppState): void {
    const waiting = this.loadWaiting;
    if (waiting === null || prev.costPrompt === null || s.costPrompt !== null) return;
    this.loadWaiting = null;
    if (s.applied === waiting) this.postLoaded(waiting);
    else
      this.post({
        type: 'error',
        message: `loadScenario: "${waiting.title}" was not run: it is estimated above the cost budget, and the reader chose not to run it`,
      });
  }

  /**
   * `loaded` carries the playback state too (the run starts again at 0), so the jump to 0 needs no
   * `state` event of its own: one command, one event.
   */
  private postLoaded(scenario: Scenario): void {
    const { playing, speed } = this.deps.store.getState();
    this.lastState = { tMs: 0, playing, speed };
    this.lastStateAt = this.now();
    this.post({ type: 'loaded', title: scenario.title, durationMs: scenario.durationMs, ...this.lastState });
  }

  private postState(): void {
    const now = this.state(this.deps.store.getState());
    const last = this.lastState;
    if (now.tMs === last.tMs && now.playing === last.playing && now.speed === last.speed) return;
    this.lastState = now;
    this.lastStateAt = this.now();
    this.post({ type: 'state', ...now });
  }

  private now(): number {
    return (this.deps.clock ?? (() => performance.now()))();
  }

  private onMessage(e: MessageEvent): void {
    if (!acceptsOrigin(this.deps.origins, e.origin)) return this.ignore('origin');
    // A listed page framing the embed has said who it is: answer it alone from now on.
    if (e.source === this.deps.win.parent) this.parentOrigin = e.origin;
    const read = readMessage(e.data);
    if (read.kind === 'foreign') return this.ignore('foreign');
    if (read.kind === 'bad') {
      this.ignore('bad');
      return this.post({ type: 'error', message: read.reason });
    }
    // A state held back by the four-a-second limit would now tell of the time before the command.
    if (['play', 'pause', 'seek', 'setSpeed'].includes(read.command.type)) clearTimeout(this.timer);
    const problem = this.run(read.command);
    if (problem !== null) this.post({ type: 'error', message: `${read.command.type}: ${problem}` });
  }

  private ignore(why: keyof Ignored): void {
    this.ignored[why]++;
    this.deps.onIgnored?.(this.ignored);
  }

  /** Carries out a command; returns why it could not be, or null. */
  private run(cmd: EmbedCommand): string | null {
    const c = this.deps.controller;
    switch (cmd.type) {
      case 'play':
        c.play();
        return null;
      case 'pause':
        c.pause();
        return null;
      case 'seek': {
        const end = this.deps.store.getState().applied.durationMs;
        if (cmd.tMs > end)
          return `tMs: got ${cmd.tMs}, expected a time from 0 to ${end} (the run's length in ms)`;
        c.seek(cmd.tMs);
        return null;
      }
      case 'setSpeed':
        c.setSpeed(cmd.speed);
        return null;
      case 'setField': {
        const check = validateChange(cmd.path, cmd.value);
        if (!check.ok) return check.message;
        c.setLiveField(cmd.path, check.value);
        this.post({ type: 'changed', path: cmd.path, value: check.value });
        return null;
      }
      case 'loadScenario': {
        const read = scenarioFromMessage(cmd.scenario);
        if (!read.ok) return read.message;
        c.loadScenario(read.scenario, null);
        // A scenario over the cost budget runs only once the reader says so (see settleLoad).
        if (estimateCost(read.scenario).overBudget) this.loadWaiting = this.deps.store.getState().applied;
        else this.postLoaded(read.scenario);
        return null;
      }
      case 'getSummary':
        c.summary().then(
          (summary) => this.post({ type: 'summary', summary }),
          (err: Error) => this.post({ type: 'error', message: `getSummary: ${err.message}` }),
        );
        return null;
      case 'hello':
        this.postReady();
        return null;
    }
  }
}
