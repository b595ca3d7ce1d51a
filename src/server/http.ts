import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import { ROOM_LIMITS, ROOM_SOCKET_PATH } from '../room/protocol.ts';
import { ROOM_META } from '../room/serverHere.ts';
import { attach } from './connection.ts';
import { DEFAULT_HUB_OPTIONS, Hub, type HubOptions } from './hub.ts';

/**
 * The room server: the built app (`dist/`) over HTTP, and the room's WebSocket at `/room/ws`, on one
 * port. The app's page gets a `<meta name="cachescope-room">` added, which is how the app knows a room
 * server is there (a static host serves the page without it, and the app hides the room buttons);
 * its content is the address to put in join links when the page itself was opened on `localhost`.
 */

export interface RoomServerConfig {
  dist: string;
  host: string;
  port: number;
  /** The address participants use when it is not the one this server sees (a host behind HTTPS). */
  publicUrl?: string | undefined;
  hub?: Partial<HubOptions>;
  /** How often dead connections and idle rooms are looked for. */
  heartbeatMs?: number;
}

export interface RunningServer {
  /** The address the server answers on, e.g. `http://127.0.0.1:5180/`. */
  url: string;
  port: number;
  hub: Hub;
  close(): Promise<void>;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;
const ALL_INTERFACES = new Set(['0.0.0.0', '::', '']);

/** This machine's first IPv4 address on a network (not loopback), where the room can reach it. */
export function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function startRoomServer(config: RoomServerConfig): Promise<RunningServer> {
  const page = readFileSync(join(config.dist, 'index.html'), 'utf8');
  const hub = new Hub({ ...DEFAULT_HUB_OPTIONS, ...config.hub });
  const files = sirv(config.dist, { etag: true, dotfiles: false });
  const wss = new WebSocketServer({ noServer: true, maxPayload: ROOM_LIMITS.messageBytes });
  let port = config.port;

  /** Where join links should point, as seen from a page opened at this request's address. */
  const shareBase = (req: IncomingMessage): string => {
    if (config.publicUrl) return config.publicUrl;
    const hostname = new URL(`http://${req.headers.host ?? 'localhost'}`).hostname;
    const lan = LOOPBACK.test(hostname) && ALL_INTERFACES.has(config.host) ? lanAddress() : null;
    return lan ? `http://${lan}:${port}/` : '';
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (path === '/' || path === '/index.html') {
      const meta = `<meta name="${ROOM_META}" content="${attr(shareBase(req))}" />`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(page.replace('</head>', `  ${meta}\n  </head>`));
      return;
    }
    files(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
    });
  });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    if (new URL(req.url ?? '/', 'http://x').pathname !== `/${ROOM_SOCKET_PATH}`) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(hub, ws));
  });
  // A malformed HTTP request ends its own connection, nothing else.
  server.on('clientError', (_e, socket) => socket.destroy());
  const heartbeat = setInterval(() => hub.tick(), config.heartbeatMs ?? 30_000);
  heartbeat.unref();

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : config.port;
      const shown = ALL_INTERFACES.has(config.host)
        ? 'localhost'
        : config.host.includes(':')
          ? `[${config.host}]`
          : config.host;
      resolve({
        url: `http://${shown}:${port}/`,
        port,
        hub,
        close: () =>
          new Promise<void>((done) => {
            clearInterval(heartbeat);
            for (const c of hub.conns) c.ws.terminate();
            wss.close();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
