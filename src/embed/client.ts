/**
 * A small typed client for the Cachescope embed API, for a documentation page that embeds Cachescope
 * in an iframe. It has no dependencies (only types come from protocol.ts), so a page can import it
 * or copy the two files.
 *
 * @example
 * const sim = new CachescopeEmbed(document.querySelector('iframe')!, 'https://cachescope.example');
 * sim.on('state', (e) => console.log(e.tMs, e.playing));
 * await sim.ready;
 * sim.seek(20_000);
 * sim.play();
 * const summary = await sim.getSummary();
 */
import type { EmbedCommand, EmbedEvent, EmbedEventMessage, EmbedEventType } from './protocol.ts';

type EventOf<T extends EmbedEventType> = Extract<EmbedEvent, { type: T }>;
type Listener<T extends EmbedEventType> = (event: EventOf<T>) => void;

export class CachescopeEmbed {
  /** Resolves with the `ready` event, once the embed listens (whether it started before or after this). */
  readonly ready: Promise<EventOf<'ready'>>;
  private readonly listeners = new Map<EmbedEventType, Set<(e: EmbedEvent) => void>>();
  private readonly onMessage = (e: MessageEvent) => this.receive(e);
  private readonly onLoad = () => this.send({ type: 'hello' });

  /**
   * @param frame the iframe showing Cachescope with `embed=1` (and `origins=` listing this page's origin)
   * @param appOrigin the origin Cachescope is served from: messages go only there, and only its are heard
   */
  constructor(
    private readonly frame: HTMLIFrameElement,
    private readonly appOrigin: string,
  ) {
    window.addEventListener('message', this.onMessage);
    this.ready = new Promise((resolve) => {
      const off = this.on('ready', (e) => {
        off();
        resolve(e);
      });
    });
    // The embed may have started (and said ready) before this page's script ran: ask again, now and
    // whenever the frame (re)loads. An embed not yet listening misses the first hello, not the second.
    this.send({ type: 'hello' });
    frame.addEventListener('load', this.onLoad);
  }

  play(): void {
    this.send({ type: 'play' });
  }

  pause(): void {
    this.send({ type: 'pause' });
  }

  /** Moves to `tMs` simulated milliseconds. */
  seek(tMs: number): void {
    this.send({ type: 'seek', tMs });
  }

  /** Playback speed as a factor of real time (0.01 to 100). */
  setSpeed(speed: number): void {
    this.send({ type: 'setSpeed', speed });
  }

  /** A live change, as dragging a slider makes one: `setField('cache.l2.ttlMs', 5000)`. */
  setField(path: string, value: unknown): void {
    this.send({ type: 'setField', path, value });
  }

  /** Replaces the scenario (an object, or its JSON text); a bad one comes back as an `error` event. */
  loadScenario(scenario: unknown): void {
    this.send({ type: 'loadScenario', scenario });
  }

  /** The run's Summary at its current time. */
  getSummary(): Promise<EventOf<'summary'>['summary']> {
    return new Promise((resolve) => {
      const off = this.on('summary', (e) => {
        off();
        resolve(e.summary);
      });
      this.send({ type: 'getSummary' });
    });
  }

  /** Calls `fn` for every event of `type`; returns a function that stops it. */
  on<T extends EmbedEventType>(type: T, fn: Listener<T>): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    const wrapped = fn as (e: EmbedEvent) => void;
    set.add(wrapped);
    return () => void set.delete(wrapped);
  }

  /** Stops listening to the embed. */
  close(): void {
    window.removeEventListener('message', this.onMessage);
    this.frame.removeEventListener('load', this.onLoad);
    this.listeners.clear();
  }

  send(command: EmbedCommand): void {
    this.frame.contentWindow?.postMessage({ source: 'cachescope', version: 1, ...command }, this.appOrigin);
  }

  private receive(e: MessageEvent): void {
    // Only this frame's messages, from the origin it was told: another frame or page cannot pose as it.
    if (e.source !== this.frame.contentWindow || e.origin !== this.appOrigin) return;
    const data = e.data as Partial<EmbedEventMessage> | null;
    if (data?.source !== 'cachescope' || data.version !== 1 || typeof data.type !== 'string') return;
    for (const fn of this.listeners.get(data.type) ?? []) fn(data as EmbedEvent);
  }
}
