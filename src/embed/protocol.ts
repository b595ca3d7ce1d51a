/**
 * The embed API: messages between a page and a Cachescope embed in an iframe, through `postMessage`.
 * Every message is `{ source: 'cachescope', version: 1, type, ... }`. Types only (and two constants),
 * so a host page's bundle takes nothing else from here; `client.ts` speaks it for a host page,
 * `host.ts` answers it inside the embed. docs/embedding.md describes it with an example.
 */
import type { Summary } from '../engine/types.ts';

export const EMBED_SOURCE = 'cachescope';
export const EMBED_VERSION = 1;

interface Envelope {
  source: typeof EMBED_SOURCE;
  version: typeof EMBED_VERSION;
}

/** What a host page may ask an embed to do. */
export type EmbedCommand =
  | { type: 'play' }
  | { type: 'pause' }
  /** Moves to simulated time `tMs` (0 to the run's length). */
  | { type: 'seek'; tMs: number }
  /** Playback speed as a factor of real time, 0.01 to 100. */
  | { type: 'setSpeed'; speed: number }
  /** A live change at the current time, as a slider makes: `{ path: 'cache.l2.ttlMs', value: 5000 }`. */
  | { type: 'setField'; path: string; value: unknown }
  /** Replaces the scenario (an object, or its JSON text), checked as a link's scenario is. */
  | { type: 'loadScenario'; scenario: unknown }
  /** Answered by a `summary` event. */
  | { type: 'getSummary' }
  /**
   * Answered by a `ready` event. The embed posts `ready` once when it starts; a page whose script may
   * run after that (the iframe was quicker) says hello to get it again. The client does so.
   */
  | { type: 'hello' };

/** The playback state, in `ready` and `state` events. */
export interface EmbedState {
  /** Simulated time in whole milliseconds (rounded to the nearest). */
  tMs: number;
  playing: boolean;
  speed: number;
}

/** What an embed tells the page. */
export type EmbedEvent =
  /** The embed listens now; carries the scenario's title and length too. */
  | ({ type: 'ready'; title: string; durationMs: number } & EmbedState)
  /** Once per play, pause, speed change or jump, and at most four a second while playing. */
  | ({ type: 'state' } & EmbedState)
  | { type: 'summary'; summary: Summary }
  /** A `loadScenario` carried out: the scenario now running, from 0 (`tMs` is 0). */
  | ({ type: 'loaded'; title: string; durationMs: number } & EmbedState)
  /** A `setField` carried out: the live change made at the current time (the value as checked). */
  | { type: 'changed'; path: string; value: unknown }
  /** A command that could not be carried out, and why (naming the field). */
  | { type: 'error'; message: string };

export type EmbedCommandMessage = EmbedCommand & Envelope;
export type EmbedEventMessage = EmbedEvent & Envelope;

export type EmbedCommandType = EmbedCommand['type'];
export type EmbedEventType = EmbedEvent['type'];
