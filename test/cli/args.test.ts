import { describe, expect, it } from 'vitest';
import { parseArgs, USAGE } from '../../src/cli/args.ts';
import { fmtInt, fmtMs, fmtRatio, grid } from '../../src/cli/table.ts';

describe('parseArgs', () => {
  it('reads a target and the flags, in either form', () => {
    expect(parseArgs(['baseline'])).toEqual({
      ok: true,
      help: false,
      args: { target: 'baseline', json: false, force: false },
    });
    expect(parseArgs(['--json', 'x.json', '--seed', '7', '--duration-ms=500'])).toEqual({
      ok: true,
      help: false,
      args: { target: 'x.json', json: true, seed: 7, durationMs: 500, force: false },
    });
    expect(parseArgs(['baseline', '--force'])).toMatchObject({ ok: true, args: { force: true } });
  });

  it('asks for help', () => {
    expect(parseArgs(['--help'])).toEqual({ ok: true, help: true });
    expect(parseArgs(['baseline', '-h'])).toEqual({ ok: true, help: true });
    expect(USAGE).toContain('--duration-ms');
  });

  it.each([
    [['baseline', '--seed', '-1'], '--seed: got -1, expected an integer >= 0 and <= 4294967295'],
    [['baseline', '--seed', 'abc'], '--seed: got "abc", expected an integer >= 0 and <= 4294967295'],
    [['baseline', '--seed', '1.5'], '--seed: got 1.5, expected an integer'],
    [['baseline', '--seed'], '--seed needs a value'],
    [['baseline', '--seed', '--json'], '--seed needs a value'],
    [['baseline', '--duration-ms', '0'], '--duration-ms: got 0, expected a number >= 1 and <= 86400000'],
    [['baseline', '--duration-ms', 'Infinity'], '--duration-ms: got "Infinity"'],
    [['baseline', '--force=1'], '--force takes no value'],
    [['baseline', '--json=yes'], '--json takes no value'],
    [['baseline', '--fast'], 'unknown option --fast'],
    [['baseline', '--fast=1'], 'unknown option --fast'],
    [[], 'missing preset id or scenario file'],
    [['a', 'b'], 'expected one preset id or file, got 2: a b'],
  ])('%j -> %s', (argv, message) => {
    const r = parseArgs(argv);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(message);
    expect(!r.ok && r.message.includes('\n')).toBe(false);
  });
});

describe('table formatting', () => {
  it('formats integers, milliseconds and ratios', () => {
    expect(fmtInt(1234567)).toBe('1,234,567');
    expect(fmtInt(Number.NaN)).toBe('-');
    expect(fmtMs(0.01234)).toBe('0.012 ms');
    expect(fmtMs(12.345)).toBe('12.35 ms');
    expect(fmtMs(1234.5)).toBe('1,235 ms');
    expect(fmtRatio(0.9512)).toBe('95.1 %');
    expect(fmtRatio(Number.NaN)).toBe('-');
  });

  it('aligns columns: the first left, the others right', () => {
    expect(
      grid(
        ['shard', 'ops'],
        [
          ['redis-0', '5'],
          ['redis-10', '1,000'],
        ],
      ),
    ).toEqual(['  shard       ops', '  redis-0       5', '  redis-10  1,000']);
  });
});
