import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lanAddress, startRoomServer, type RunningServer } from '../../src/server/http.ts';

/**
 * The address join links point to, which the server writes into the page's room marker: the public
 * address of a host behind HTTPS when given, the machine's address on the room's network for a page
 * opened on localhost (phones cannot open "localhost"), else the page's own address (empty).
 */

const dist = mkdtempSync(join(tmpdir(), 'room-share-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><html><head><title>t</title></head></html>');

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** The room marker's content in the page, fetched with the given Host header. */
function marker(port: number, host: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += String(d)));
      res.on('end', () => resolve(/name="cachescope-room" content="([^"]*)"/.exec(body)?.[1]));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the address join links point to', () => {
  it('is the public address given for a host behind HTTPS, whatever the page was opened as', async () => {
    server = await startRoomServer({
      dist,
      host: '127.0.0.1',
      port: 0,
      publicUrl: 'https://room.example.org/cachescope/',
    });
    for (const host of ['localhost', `127.0.0.1:${server.port}`, 'room.example.org'])
      expect(await marker(server.port, host)).toBe('https://room.example.org/cachescope/');
  });

  it('is the machine’s network address for a page opened on localhost, the page’s own otherwise', async () => {
    server = await startRoomServer({ dist, host: '0.0.0.0', port: 0 });
    const lan = lanAddress();
    const expected = lan ? `http://${lan}:${server.port}/` : '';
    expect(await marker(server.port, `localhost:${server.port}`)).toBe(expected);
    expect(await marker(server.port, `127.0.0.1:${server.port}`)).toBe(expected);
    // Opened by its network address already (a phone, or the laptop on the Wi-Fi address): the page's own.
    expect(await marker(server.port, `192.168.1.23:${server.port}`)).toBe('');
  });

  it('is the page’s own when the server listens on loopback only (nobody else can reach it)', async () => {
    server = await startRoomServer({ dist, host: '127.0.0.1', port: 0 });
    expect(await marker(server.port, `localhost:${server.port}`)).toBe('');
  });
});
