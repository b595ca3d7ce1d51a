import type { ClientMessage } from './clientMessages.ts';
import { ROOM_SOCKET_PATH, type ServerMessage } from './protocol.ts';

/**
 * A page's connection to the room server, for the facilitator and for participants alike: it opens
 * the socket next to the page (`room/ws`, so the app works from a sub-path and over HTTPS as `wss:`),
 * says hello (`join` or `host`, with the token the page holds by then) on every (re)connection, and
 * reconnects after a lost network with a growing pause, until `stop()` or a message that ends it.
 */

export type SocketStatus = 'connecting' | 'open' | 'reconnecting' | 'stopped';

export interface RoomSocketHandlers {
  /** The first message on each new connection. */
  hello(): ClientMessage;
  message(m: ServerMessage): void;
  status(s: SocketStatus): void;
}

/** The socket's address for a page at `href`. */
export function socketUrl(href: string): string {
  const url = new URL(ROOM_SOCKET_PATH, href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '';
  url.hash = '';
  return url.href;
}

/** Pauses between reconnections: 0.5 s, doubling, at most 8 s. */
const backoff = (attempt: number): number => Math.min(8000, 500 * 2 ** attempt);

export class RoomSocket {
  private ws: WebSocket | null = null;
  private stopped = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly url: string,
    private readonly on: RoomSocketHandlers,
  ) {
    this.connect();
  }

  send(m: ClientMessage): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(m));
    return true;
  }

  /** Closes for good: no reconnection. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.ws?.close(1000);
    this.on.status('stopped');
  }

  private connect(): void {
    this.on.status(this.attempt === 0 ? 'connecting' : 'reconnecting');
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      ws.send(JSON.stringify(this.on.hello()));
      this.on.status('open');
    };
    ws.onmessage = (e) => {
      let m: ServerMessage;
      try {
        m = JSON.parse(String(e.data)) as ServerMessage;
      } catch {
        return;
      }
      if (typeof m === 'object' && m !== null && typeof m.type === 'string') this.on.message(m);
    };
    ws.onclose = () => {
      if (this.ws !== ws || this.stopped) return;
      this.on.status('reconnecting');
      this.timer = setTimeout(() => this.connect(), backoff(this.attempt++));
    };
  }
}
