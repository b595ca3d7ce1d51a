/* global document, Image, XMLSerializer, Blob */
// The room server as a facilitator starts it (`npm run room`), on a free loopback port, for the room's
// browser checks; and reading a QR code on the page the way a phone's camera would (jsQR on its pixels).
import { spawn } from 'node:child_process';
import jsQR from 'jsqr';
import { root } from './harness.mjs';

/**
 * Starts `npm run room -- --host 127.0.0.1 --port 0` (it builds the app only if dist/ is older than
 * the sources) and resolves once it prints its address, with a way to stop it (the whole process
 * group npm started, by its id).
 */
export function startRoomServer() {
  const child = spawn('npm', ['run', 'room', '--', '--host', '127.0.0.1', '--port', '0'], {
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
