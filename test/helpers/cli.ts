import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { inject } from 'vitest';

/** What a CLI run gave: its exit code and its two streams. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a CLI (`npm run sim`'s src/cli/sim.ts, or sweep) in a child process, as a user does, from the
 * bundle test/cliBundle.ts made of its sources: the whole command, its arguments, streams and exit
 * code, without tsx compiling the engine again in every child. No timeout: on a loaded machine a child
 * may take long to start, and no test depends on wall time.
 */
export function runCli(name: 'sim' | 'sweep', args: string[], options: SpawnSyncOptions = {}): CliRun {
  const bundle = inject('cliBundles')[name];
  if (bundle === undefined) throw new Error(`no bundle of the ${name} CLI (see test/cliBundle.ts)`);
  const r = spawnSync(process.execPath, [bundle, ...args], { encoding: 'utf8', ...options });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}
