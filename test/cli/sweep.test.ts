import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/cli/input.ts';
import { runScenario } from '../../src/engine/index.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { sweepSeeds } from '../../src/sweep/plan.ts';
import { runCli } from '../helpers/cli.ts';

/** The real CLIs in child processes (`node --import tsx` is what `npx tsx` runs, minus npx's start-up). */
function cli(script: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('node', ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const sweep = (...args: string[]) => cli('sweep', args);

const dir = mkdtempSync(join(tmpdir(), 'cachescope-sweep-'));

describe('npm run sweep', () => {
  it('--json: each point is what npm run sim gives for that scenario and seed', () => {
    const r = sweep(
      'stampede',
      '--param',
      'database.readMs',
      '--values',
      '20,100',
      '--seeds',
      '2',
      '--duration-ms',
      '6000',
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const points = JSON.parse(r.stdout) as { value: number; seed: number; summary: unknown }[];
    const seeds = sweepSeeds(42, 2);
    expect(points.map((p) => [p.value, p.seed])).toEqual([
      [20, seeds[0]],
      [20, seeds[1]],
      [100, seeds[0]],
      [100, seeds[1]],
    ]);
    for (const p of points) {
      const scenario = getPreset('stampede')!;
      scenario.database.readMs = p.value;
      const file = join(dir, `stampede-${p.value}.json`);
      writeFileSync(file, JSON.stringify(scenario));
      // What `npm run sim -- <file> --seed S --duration-ms 6000 --json` prints, computed as src/cli/sim.ts
      // does (loadScenario, runScenario, JSON.stringify) in this process instead of four more child
      // processes: test/golden/cli.test.ts checks, through a child process, that sim prints those bytes.
      const sim = JSON.stringify(runScenario(loadScenario(file), { seed: p.seed, durationMs: 6000 }));
      expect(JSON.stringify(p.summary)).toBe(sim);
    }
    // The runs differ where they should: a slower database means a longer p99.
    const p99 = (i: number) => (points[i]!.summary as { latencyMs: { p99: number } }).latencyMs.p99;
    expect(p99(2)).toBeGreaterThan(p99(0));
  });

  it('--csv gives the same figures whatever the number of worker threads', () => {
    const args = [
      'baseline',
      '--param',
      'workload.rps',
      '--range',
      '200:1000:3',
      '--duration-ms',
      '3000',
      '--csv',
    ];
    const one = sweep(...args, '--workers', '1');
    const three = sweep(...args, '--workers', '3');
    expect(one.code).toBe(0);
    expect(three.stdout).toBe(one.stdout);
    const lines = one.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^workload\.rps,seed,requests,l1HitRatio,/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['200', '600', '1000']);
    // More traffic, more requests: the column really is the run's.
    const requests = lines.slice(1).map((l) => Number(l.split(',')[2]));
    expect(requests[0]).toBeLessThan(requests[1]!);
    expect(requests[1]).toBeLessThan(requests[2]!);
  });

  it('prints a table by default, one row per value, averaged over the seeds', () => {
    const r = sweep(
      'baseline',
      '--param',
      'cache.l2.ttlMs',
      '--range',
      '100:10000:3:log',
      '--seeds',
      '2',
      '--duration-ms',
      '2000',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('cache.l2.ttlMs over 3 values (mean over 2 seeds: 42, 2654435811)');
    expect(r.stdout).toMatch(
      /cache\.l2\.ttlMs\s+Requests\s+L1 hit ratio\s+L2 hit ratio\s+DB reads\/s\s+DB peak concurrency/,
    );
    expect(r.stdout).toMatch(/\n {2}100 .*\n {2}1000 .*\n {2}10000 /);
  });

  it('draws a progress line on a terminal only (stderr is a pipe here, so it stays empty)', () => {
    const args = [
      'stampede',
      '--param',
      'cache.l2.ttlMs',
      '--values',
      '1000,2000',
      '--duration-ms',
      '1000',
      '--csv',
    ];
    expect(sweep(...args).stderr).toBe('');
    // `script` gives the child a terminal; stdout goes to a file so only stderr reaches the terminal.
    const out = join(dir, 'tty.csv');
    const command = ['node', '--import', 'tsx', 'src/cli/sweep.ts', ...args].join(' ');
    const r = spawnSync('script', ['-qfec', `${command} > ${out}`, '/dev/null'], { encoding: 'utf8' });
    expect(r.stdout).toContain('\rsweep: 0/2 runs');
    expect(r.stdout).toContain('\rsweep: 2/2 runs');
  });

  // Argument parsing is tested in-process (sweepArgs.test.ts); these go through the whole command.
  const bad: [string, string[], RegExp][] = [
    [
      'an unknown field',
      ['baseline', '--param', 'cache.l2.ttl', '--values', '1'],
      /--param: cache\.l2\.ttl is not a scenario field; did you mean cache\.l2\.ttlMs\?/,
    ],
    [
      'a value out of range',
      ['baseline', '--param', 'cache.l2.ttlMs', '--values', '1000,-5'],
      /cache\.l2\.ttlMs: got -5, expected a number >= 1/,
    ],
    [
      'a log range from 0',
      ['baseline', '--param', 'cache.l2.ttlMs', '--range', '0:100:5:log'],
      /--range: a log range needs a start and end above 0/,
    ],
    ['an unknown preset', ['nope', '--param', 'cache.l2.ttlMs', '--values', '1'], /unknown preset "nope"/],
    [
      'an over-budget run without --force',
      ['baseline', '--param', 'workload.rps', '--values', '1000,5000000'],
      /the run at workload\.rps = 5000000: this run is estimated at [\d,]+ million events .*add --force/,
    ],
    ['a malformed range', ['baseline', '--param', 'x', '--range', '1:2'], /--range: got "1:2", expected/],
  ];
  it.each(bad)('refuses %s with exit 2 and one line', (_what, args, message) => {
    // The command bundled (test/helpers/cli.ts): a refusal starts no thread, and the runs above go
    // through tsx as `npm run sweep` does.
    const r = runCli('sweep', args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^sweep: /);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
