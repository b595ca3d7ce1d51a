/**
 * `npm start` ends with npm: stopping npm by its PID once left `node scripts/start.mjs` listening (npm
 * passes the signal to the shell it runs the script in, which does not pass it on). Linux only: the
 * processes are found with ps.
 */
import { execFileSync, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const childrenOf = (pid: number): number[] => {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
  } catch {
    return [];
  }
};
const until = async (ok: () => boolean) => {
  while (!ok()) await new Promise((r) => setTimeout(r, 100));
};

describe.runIf(process.platform === 'linux')('npm start', () => {
  // SIGTERM to npm's PID (what `kill` sends); SIGINT to its process group (what Ctrl-C in a terminal does).
  it.each([
    ['SIGTERM', 'npm'],
    ['SIGINT', 'its process group'],
  ] as const)(
    'stops its server when %s goes to %s',
    async (signal, to) => {
      const npm = spawn('npm', ['start'], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, BROWSER: 'none' },
        detached: true,
      });
      let out = '';
      npm.stdout.on('data', (d: Buffer) => (out += d.toString()));
      await until(() => out.includes('Local'));
      // npm -> sh -> node scripts/start.mjs (or npm -> node, where the shell execs)
      const args = (pid: number) =>
        execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
      const tree = childrenOf(npm.pid!).flatMap((c) => [c, ...childrenOf(c)]);
      const server = tree.find((p) => /^node .*start\.mjs/.test(args(p)));
      expect(server).toBeDefined();
      if (to === 'npm') npm.kill(signal);
      else process.kill(-npm.pid!, signal);
      // Generous: on a loaded machine the server takes a while to close. A server that never stops
      // fails the test by its explicit timeout below.
      await until(() => !alive(server!));
      expect(alive(server!)).toBe(false);
    },
    120_000,
  );
});
