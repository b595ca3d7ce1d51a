import { describe, expect, it } from 'vitest';
import { parseSweepArgs } from '../../src/cli/sweepArgs.ts';

const base = ['baseline', '--param', 'cache.l2.ttlMs'];

describe('parseSweepArgs', () => {
  it('reads values, a range, seeds, duration, workers and the output format', () => {
    expect(parseSweepArgs([...base, '--values', '1000, 5000,60000'])).toEqual({
      ok: true,
      help: false,
      args: {
        target: 'baseline',
        param: 'cache.l2.ttlMs',
        values: { list: [1000, 5000, 60_000] },
        seeds: 1,
        format: 'table',
        force: false,
      },
    });
    expect(
      parseSweepArgs([
        ...base,
        '--range=100:60000:8:log',
        '--seeds',
        '3',
        '--duration-ms',
        '5000',
        '--workers=2',
        '--csv',
      ]),
    ).toMatchObject({
      ok: true,
      args: {
        values: { range: { from: 100, to: 60_000, steps: 8, log: true } },
        seeds: 3,
        durationMs: 5000,
        workers: 2,
        format: 'csv',
      },
    });
    expect(parseSweepArgs([...base, '--values', '-5,10', '--json'])).toMatchObject({
      ok: true,
      args: { values: { list: [-5, 10] }, format: 'json' },
    });
    expect(parseSweepArgs([...base, '--values', '1', '--force'])).toMatchObject({ args: { force: true } });
    expect(parseSweepArgs(['--help'])).toEqual({ ok: true, help: true });
  });

  it.each([
    [['baseline', '--values', '1'], 'missing --param <path>'],
    [['baseline', '--param'], '--param needs a value'],
    [['--param', 'x', '--values', '1'], 'missing preset id or scenario file'],
    [['a', 'b', '--param', 'x', '--values', '1'], 'expected one preset id or file, got 2: a b'],
    [[...base], 'give either --values a,b,c or --range from:to:steps[:log]'],
    [[...base, '--values', '1', '--range', '1:2:2'], 'give either --values'],
    [[...base, '--values'], '--values needs a value'],
    [[...base, '--values', '1,,2'], '--values: "" is not a number'],
    [[...base, '--values', '1,abc'], '--values: "abc" is not a number'],
    [[...base, '--range', '1:2'], '--range: got "1:2", expected from:to:steps or from:to:steps:log'],
    [[...base, '--range', '1:2:3:lin'], '--range: got "1:2:3:lin"'],
    [[...base, '--range', 'a:2:3'], '--range: got "a:2:3"'],
    [[...base, '--values', '1', '--seeds', '9'], '--seeds: got "9", expected an integer from 1 to 5'],
    [[...base, '--values', '1', '--seeds', '1.5'], '--seeds: got "1.5"'],
    [[...base, '--values', '1', '--workers', '0'], '--workers: got "0"'],
    [[...base, '--values', '1', '--duration-ms', '0'], '--duration-ms: got 0'],
    [[...base, '--values', '1', '--json', '--csv'], '--json and --csv exclude each other'],
    [[...base, '--values', '1', '--json=1'], '--json takes no value'],
    [[...base, '--values', '1', '--seeds', '2', '--seeds', '3'], '--seeds is given twice'],
    [[...base, '--fast'], 'unknown option --fast (see --help)'],
  ])('refuses %j', (argv, message) => {
    const r = parseSweepArgs(argv);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toContain(message);
  });
});
