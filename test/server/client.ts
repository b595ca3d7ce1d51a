import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { ServerMessage } from '../../src/room/protocol.ts';
import { startRoomServer, type RunningServer } from '../../src/server/http.ts';
import type { HubOptions } from '../../src/server/hub.ts';

/**
 * A real room server on a free loopback port (a stand-in page in a temporary dist/), and a socket
 * client that waits for messages by kind: the tests wait for what the server says, never for time.
 */

export interface TestServer {
  server: RunningServer;
  ws: string;
  http: string;
  /** The hub's clock, which the test moves. */
  clock: { now: number };
}

export async function startTestServer(hub: Partial<Omit<HubOptions, 'now'>> = {}): Promise<TestServer> {
  const dist = mkdtempSync(join(tmpdir(), 'room-dist-'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body></body></html>',
  );
  writeFileSync(join(dist, 'app.js'), 'console.log(1)');
  const clock = { now: 1_000_000 };
  const server = await startRoomServer({
    dist,
    host: '127.0.0.1',
    port: 0,
    // The heartbeat runs only when a test calls `hub.tick()`.
    heartbeatMs: 2 ** 30,
    hub: { ...hub, now: () => clock.now },
  });
  return {
    server,
    clock,
    ws: `ws://127.0.0.1:${server.port}/room/ws`,
    http: `http://127.0.0.1:${server.port}`,
  };
}

type Of<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

export class Client {
  private inbox: ServerMessage[] = [];
  /** Every message received, taken or not. */
  readonly log: ServerMessage[] = [];
  private wake: (() => void) | null = null;
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as ServerMessage;
      this.inbox.push(message);
      this.log.push(message);
      this.wake?.();
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => {
        resolve({ code, reason: String(reason) });
        this.wake?.();
      }),
    );
    ws.on('error', () => {});
  }

  static open(url: string, options: WebSocket.ClientOptions = {}): Promise<Client> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, options);
      const client = new Client(ws);
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
    });
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The next message of a kind (skipping and dropping others before it); rejects if the socket closes first. */
  async next<T extends ServerMessage['type']>(
    type: T,
    match: (m: Of<T>) => boolean = () => true,
  ): Promise<Of<T>> {
    for (;;) {
      const i = this.inbox.findIndex((m) => m.type === type && match(m as Of<T>));
      if (i >= 0) return this.inbox.splice(0, i + 1)[i] as Of<T>;
      if (this.ws.readyState >= WebSocket.CLOSING) throw new Error(`closed while waiting for "${type}"`);
      await new Promise<void>((r) => (this.wake = r));
    }
  }

  /** Every message received and not yet taken. */
  pending(): ServerMessage[] {
    return [...this.inbox];
  }

  close(): void {
    this.ws.close();
  }
}

/** A facilitator with a new room, moved to a lesson step; resolves once the step is on. */
export async function openRoom(url: string, at = { lessonId: 'stampede', step: 0 }) {
  const host = await Client.open(url);
  host.send({ type: 'create', v: 1 });
  const welcome = await host.next('welcome');
  host.send({ type: 'step', at });
  await host.next('state', (s) => s.step?.key === `${at.lessonId}/${at.step}`);
  return { host, code: welcome.code, token: welcome.token };
}

/** A participant in a room; resolves once the room's state has arrived. */
export async function joinRoom(url: string, code: string, extra: { name?: string; token?: string } = {}) {
  const c = await Client.open(url);
  c.send({ type: 'join', v: 1, code, ...extra });
  const welcome = await c.next('welcome');
  const state = await c.next('state');
  return { client: c, welcome, state };
}
