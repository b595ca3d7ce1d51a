/**
 * `npm start` ends with npm: stopping npm by its PID once left `node scripts/start.mjs` listening (npm
 * passes the signal to the shell it runs the script in, which does not pass it on; on SIGINT, Debian's
 * sh even outlives it; the script line now `exec`s node, so no shell stands between). Each case starts the server on a free port, waits until it answers, signals
 * npm's PID alone, and waits until the port is closed. Linux only (the shell's behaviour is Linux's).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
const answers = async (port: number): Promise<boolean> => {
  try {
    const res = await fetch(`http://localhost:${port}/`, { signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    return true;
  } catch {
    return false;
  }
};
const until = async (ok: () => Promise<boolean>) => {
  while (!(await ok())) await new Promise((r) => setTimeout(r, 200));
};

describe.runIf(process.platform === 'linux')('npm start', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'stops its server when npm alone gets %s',
    async (signal) => {
      const port = await freePort();
      const npm = spawn('npm', ['start', '--', '--port', String(port)], {
        stdio: 'ignore',
        env: { ...process.env, BROWSER: 'none' },
        // A group of its own, so that whatever this test leaves can be ended below (and no signal of
        // the test runner's reaches it).
        detached: true,
      });
      try {
        await until(() => answers(port));
        npm.kill(signal);
        // Generous: on a loaded machine the server takes a while to close. A server that never stops
        // fails the test by its explicit timeout below.
        await until(async () => !(await answers(port)));
        expect(await answers(port)).toBe(false);
      } finally {
        try {
          process.kill(-npm.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    },
    180_000,
  );

  it('refuses a port that is not one', async () => {
    const npm = spawn('node', ['scripts/start.mjs', '--port', 'abc'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    npm.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise((r) => npm.on('exit', r));
    expect(code).toBe(2);
    expect(err).toContain('--port <1-65535>');
  });
});
