import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import { seriesCsv } from '../../src/export/seriesCsv.ts';
import { runCli, type CliRun } from '../helpers/cli.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';

/**
 * Runs the real CLI in a child process, from one bundle of its sources (test/helpers/cli.ts); one test
 * goes through `npx tsx` itself, as `npm run sim` does.
 */
const sim = (...args: string[]): CliRun => runCli('sim', args);
function run(cmd: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  // No timeout: on a loaded machine `npx tsx` may take long to start, and no test depends on wall time.
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'cachescope-cli-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('npm run sim', () => {
  it('prints a table for a preset (through npx tsx, as npm run sim does)', () => {
    const r = run('npx', ['tsx', 'src/cli/sim.ts', 'baseline', '--duration-ms', '1000']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const label of ['requests', 'L1 (in-process)', 'L2 (Redis)', 'peak concurrency', 'stale reads']) {
      expect(r.stdout).toContain(label);
    }
    expect(r.stdout).toMatch(/p95 \/ p99 \/ max/);
    expect(r.stdout).toMatch(/hot-shard factor \d/);
    // Shards named as on the stage, numbered from 1.
    expect(r.stdout.match(/^ {2}Redis shard \d/gm)).toHaveLength(3);
    expect(r.stdout).not.toMatch(/redis-\d/);
  });

  it('prints one Summary as JSON with --json, honouring --seed', () => {
    const r = sim('stampede', '--json', '--duration-ms', '1000', '--seed', '7');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ seed: 7, durationMs: 1000 });
    for (const key of [
      'requests',
      'reads',
      'writes',
      'events',
      'l1',
      'l2',
      'db',
      'staleReads',
      'lostWrites',
    ]) {
      expect(s).toHaveProperty(key);
    }
    expect(s.latencyMs).toHaveProperty('p99');
    expect(s.shards).toHaveLength(3);
    expect(Array.isArray(s.series.points)).toBe(true);
    expect(s.requests).toBeGreaterThan(1000);
  });

  it('prints the time series as CSV with --csv: what the app exports for the same run', () => {
    const r = sim('stampede', '--csv', '--duration-ms', '4000', '--seed', '11');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // The app's Export builds its file with this module from the run's Summary: the same bytes.
    const summary = runScenario(getPreset('stampede')!, { durationMs: 4000, seed: 11 });
    expect(r.stdout).toBe(seriesCsv(summary));
    const rows = r.stdout.trimEnd().split('\r\n');
    expect(rows).toHaveLength(1 + summary.series.points.length);
    expect(rows[0]).toMatch(/^"tMs","requests",/);
  });

  it('runs a scenario file', () => {
    const path = file('small.json', JSON.stringify({ version: 1, title: 'From a file', durationMs: 500 }));
    const r = sim(path);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('From a file');
  });

  it('replays the changes a scenario file carries, and lists them', () => {
    const body = { version: 1, durationMs: 3000, workload: { rps: 500 } };
    const changes = [
      { atMs: 1000, path: 'cache.l2.ttlMs', value: 1 },
      { atMs: 2000, path: 'workload.rps', value: 2000 },
    ];
    const plain = JSON.parse(sim(file('plain.json', JSON.stringify(body)), '--json').stdout);
    const r = sim(file('changes.json', JSON.stringify({ ...body, changes })), '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.changes).toEqual(changes);
    expect(plain.changes).toEqual([]);
    // The first second is the same run; after the changes, more requests and more misses.
    expect(s.series.points[0]).toEqual(plain.series.points[0]);
    expect(s.requests).toBeGreaterThan(plain.requests + 1000);
    expect(s.l2.hitRatio).toBeLessThan(plain.l2.hitRatio);
    const table = sim(file('changes.json', JSON.stringify({ ...body, changes }))).stdout;
    expect(table).toMatch(
      /Live changes\n\s+at 1,000 ms\s+cache\.l2\.ttlMs = 1\n\s+at 2,000 ms\s+workload\.rps = 2000/,
    );
  });

  it('prints usage with --help', () => {
    const r = sim('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: npm run sim');
    expect(r.stdout).toContain('baseline');
  });

  const bad: [string, string[], RegExp][] = [
    ['an unknown preset', ['nope'], /unknown preset "nope"; known presets: baseline, .*stampede/],
    ['a missing file', ['missing.json'], /cannot read missing\.json: no such file/],
    ['bad JSON', [file('bad.json', '{\n  "version": 1,\n}')], /JSON syntax error at line 3, column 1/],
    [
      'an invalid field',
      [file('field.json', '{"version":1,"cache":{"l2":{"ttlMs":-5}}}')],
      /cache\.l2\.ttlMs: got -5, expected a number >= 1/,
    ],
    [
      'an unknown field',
      [file('typo.json', '{"version":1,"sead":1}')],
      /sead: unknown field; did you mean seed\?/,
    ],
    ['a wrong version', [file('v2.json', '{"version":2}')], /version: got 2, this build reads version 1/],
    [
      'a change of a field that cannot change mid-run',
      [file('live.json', '{"version":1,"changes":[{"atMs":5,"path":"topology.instances","value":2}]}')],
      /changes\[0\]\.path: topology\.instances cannot change mid-run; use Apply & restart/,
    ],
    ['a negative seed', ['baseline', '--seed', '-1'], /--seed: got -1/],
    ['a non-numeric seed', ['baseline', '--seed', 'abc'], /--seed: got "abc"/],
    ['a zero duration', ['baseline', '--duration-ms', '0'], /--duration-ms: got 0/],
    ['an unknown flag', ['baseline', '--fast'], /unknown option --fast/],
    ['no target', [], /missing preset id or scenario file/],
    [
      'an over-budget run without --force',
      [file('huge.json', '{"version":1,"durationMs":86400000,"workload":{"rps":100000}}')],
      /estimated at [\d,]+ million events \(budget 300 million, about a minute here\); add --force/,
    ],
  ];
  it.each(bad)('refuses %s with exit 2 and one line', (_what, args, message) => {
    const r = sim(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
