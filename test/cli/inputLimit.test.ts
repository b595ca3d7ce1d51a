/**
 * The CLI reads at most 1 MB of a scenario, from a file or standard input, then stops with one line:
 * `npm run sim -- /dev/zero` once grew to gigabytes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, loadScenario, readBounded } from '../../src/cli/input.ts';
import { MAX_SCENARIO_TEXT } from '../../src/scenario/limits.ts';
import { runCli } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cachescope-limit-'));

describe('reading a scenario from the command line', () => {
  it('reads up to the limit and no further', () => {
    const path = join(dir, 'exact.txt');
    writeFileSync(path, 'x'.repeat(10));
    expect(readBounded(path, 10)).toBe('x'.repeat(10));
    expect(() => readBounded(path, 9)).toThrow();
  });

  it('refuses an endless file in one line, naming the limit', () => {
    let error: unknown;
    try {
      loadScenario('/dev/zero');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      `cannot read /dev/zero: more than ${MAX_SCENARIO_TEXT} bytes (1 MB); a scenario is read up to that size`,
    );
  });

  it('refuses a file just over the limit, reads one at it', () => {
    const over = join(dir, 'over.json');
    writeFileSync(over, `{"version":1}${' '.repeat(MAX_SCENARIO_TEXT - 12)}`);
    expect(() => loadScenario(over)).toThrow(/more than 1048576 bytes/);
    const at = join(dir, 'at.json');
    writeFileSync(at, `{"version":1}${' '.repeat(MAX_SCENARIO_TEXT - 13)}`);
    expect(loadScenario(at).version).toBe(1);
  });

  it('reads standard input with -, and stops it at the limit too', () => {
    const sim = (input: Buffer | string) => runCli('sim', ['-', '--json'], { input });
    const big = sim(Buffer.alloc(3 * MAX_SCENARIO_TEXT));
    expect(big.code).toBe(2);
    expect(big.stderr).toBe(
      `sim: cannot read standard input: more than ${MAX_SCENARIO_TEXT} bytes (1 MB); a scenario is read up to that size\n`,
    );
    const small = sim('{"version":1,"durationMs":500}');
    expect(small.stderr).toBe('');
    expect(JSON.parse(small.stdout).durationMs).toBe(500);
  });
});
