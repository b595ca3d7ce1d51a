/* global document, Image, XMLSerializer, Blob, getComputedStyle, window */
// The room server as a facilitator starts it (`npm run room`), on a free loopback port, for the room's
// browser checks; and reading a QR code on the page the way a phone's camera would (jsQR on its pixels).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import jsQR from 'jsqr';
import { root } from './harness.mjs';

/**
 * Starts `npm run room -- --host 127.0.0.1 --port 0` (it builds the app only if dist/ is older than
 * the sources) and resolves once it prints its address, with a way to stop it (the whole process
 * group npm started, by its id).
 */
export function startRoomServer(extraArgs = []) {
  const child = spawn('npm', ['run', 'room', '--', '--host', '127.0.0.1', '--port', '0', ...extraArgs], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = new Promise((resolve, reject) => {
    const read = (d) => {
      output += d;
      const m = /room server: (http:\/\/\S+)/.exec(output);
      if (m) resolve(m[1]);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then((code) => reject(new Error(`npm run room exited (${code}): ${output.slice(-300)}`)));
  });
  return url.then((u) => ({
    url: u,
    output: () => output,
    stop: async () => {
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  }));
}

/** The text of the QR code drawn as `locator` (an SVG), read from its pixels as a camera would. */
export async function readQrCode(locator) {
  const { width, height, data } = await locator.evaluate(async (svg) => {
    const size = 400;
    const img = new Image();
    img.src = URL.createObjectURL(
      new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }),
    );
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0, size, size);
    return { width: size, height: size, data: [...ctx.getImageData(0, 0, size, size).data] };
  });
  return jsQR(new Uint8ClampedArray(data), width, height)?.data ?? null;
}

/**
 * The smallest type in the reveal dialog and in its key figures (the counts, the summary, the measured
 * legend), as a share of the screen's height: what the back row of a room reads on a projector.
 */
export function revealTypeSizes(page) {
  return page.locator('.room-reveal').evaluate((dialog) => {
    const px = (el) => parseFloat(getComputedStyle(el).fontSize);
    const texts = [...dialog.querySelectorAll('*')].filter((el) =>
      [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== ''),
    );
    const key = [
      ...dialog.querySelectorAll('.room-summary, .room-column-count, .room-bar-count, .room-legend'),
    ];
    const h = window.innerHeight;
    return {
      smallest: Math.min(...texts.map(px)) / h,
      smallestKey: Math.min(...key.map(px)) / h,
    };
  });
}

/**
 * The reveal reads from the back row: every text at least 2.4 % of the screen's height (17 px at 720,
 * 26 px at 1080), the counts and the measured answer at least 3 %.
 */
export async function revealLegibility(page, where) {
  const { smallest, smallestKey } = await revealTypeSizes(page);
  const pct = (x) => `${(100 * x).toFixed(1)} %`;
  return [
    ...(smallest < 0.024 ? [`${where}: the smallest text is ${pct(smallest)} of the screen's height`] : []),
    ...(smallestKey < 0.03 ? [`${where}: a count is ${pct(smallestKey)} of the screen's height`] : []),
  ];
}

/**
 * A TCP relay to the server at `target` (its http:// address), on a port of its own: `cut()` drops
 * every connection through it at once and refuses new ones, as a lost Wi-Fi does to a phone; `restore()`
 * lets connections through again. (Chromium's offline emulation leaves open WebSockets alone.)
 * `target` may be null and set later with `setTarget`.
 */
export function cuttableRelay(target, { tls = null } = {}) {
  let to = target === null ? null : new URL(target);
  const sockets = new Set();
  let down = false;
  const relayTo = (client) => {
    if (down || to === null) return client.destroy();
    const upstream = connect(Number(to.port), to.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  };
  // With `tls`, the relay is a host behind HTTPS: it ends TLS and passes plain HTTP on, as a proxy does.
  const relay = tls ? createTlsServer(tls, relayTo) : createServer(relayTo);
  return new Promise((resolve) => {
    relay.listen(0, '127.0.0.1', () => {
      resolve({
        url: `${tls ? 'https' : 'http'}://127.0.0.1:${relay.address().port}/`,
        /** Where connections go, when it was not known at the start (the server needs the relay's address). */
        setTarget(url) {
          to = new URL(url);
        },
        cut() {
          down = true;
          for (const s of sockets) s.destroy();
        },
        restore() {
          down = false;
        },
        close() {
          down = true;
          for (const s of sockets) s.destroy();
          return new Promise((done) => relay.close(() => done()));
        },
      });
    });
  });
}

/** A self-signed certificate for 127.0.0.1, made with the system's openssl (a page opens it ignoring the warning). */
export function selfSignedCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'room-tls-'));
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  const made = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  if (made.status !== 0)
    throw new Error(`openssl could not make a certificate: ${String(made.stderr).slice(0, 200)}`);
  return { key: readFileSync(key), cert: readFileSync(cert) };
}
