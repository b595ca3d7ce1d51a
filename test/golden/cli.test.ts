/**
 * The CLI prints the bytes the golden runs recorded: `npm run sim -- --json` for one run, in a child
 * process as a user runs it. The other runs' bytes are checked in process: the CLI writes
 * `JSON.stringify(summary)`, `seriesCsv(summary)` (test/cli/sim.test.ts checks it is the same file) and
 * `formatSummaryTable`, see src/cli/sim.ts.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { digest } from './fingerprint.ts';
import { presetFile, readGolden } from './runs.ts';

const sim = (...args: string[]): string => {
  const r = runCli('sim', args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};

describe('golden runs: the CLI', () => {
  const run = readGolden(presetFile('baseline'))[1]!;
  const args = [
    'baseline',
    '--seed',
    String(run.options.seed),
    '--duration-ms',
    String(run.options.durationMs),
  ];

  it(`npm run sim -- ${args.join(' ')} --json prints the recorded Summary`, () => {
    expect(digest(sim(...args, '--json').replace(/\n$/, ''))).toBe(run.fingerprint.bytes.json);
  });
});
