import { SWEEP_LIMITS, type SweepRange } from '../sweep/plan.ts';
import { numberFlag } from './args.ts';

/** Parsed command line of `npm run sweep`. */
export interface SweepArgs {
  /** A preset id or a path to a scenario file. */
  target: string;
  param: string;
  /** The values to run: listed (`--values`), or a range (`--range`) whose values depend on the field. */
  values: { list: number[] } | { range: SweepRange };
  seeds: number;
  durationMs?: number;
  /** Worker threads; by default one per core. */
  workers?: number;
  format: 'table' | 'json' | 'csv';
  /** Run even points whose estimated cost is over the budget. */
  force: boolean;
}

export type SweepArgsResult =
  { ok: true; help: true } | { ok: true; help: false; args: SweepArgs } | { ok: false; message: string };

export const SWEEP_USAGE = [
  'Usage: npm run sweep -- <preset-id | file.json> --param <path> (--values a,b,c | --range from:to:steps[:log])',
  '                        [--seeds N] [--duration-ms N] [--workers N] [--json | --csv] [--force]',
  '',
  '  --param <path>        the numeric scenario field to vary, e.g. cache.l2.ttlMs or workload.rps',
  '  --values a,b,c        the values to run, as listed',
  `  --range from:to:steps ${SWEEP_LIMITS.minSteps} to ${SWEEP_LIMITS.maxValues} evenly spaced values, ends included; add :log for log spacing`,
  `  --seeds N             run each value on N seeds (1 to ${SWEEP_LIMITS.maxSeeds}, default 1): the scenario's seed, then`,
  '                        seed + k * 0x9E3779B9 (mod 2^32) for the k-th further seed',
  '  --duration-ms N       override the simulated duration of every run',
  '  --workers N           worker threads (default: one per core)',
  '  --json                print [{ value, seed, summary }], each summary what `npm run sim` prints',
  '  --csv                 print one line per run: value, seed and the headline figures',
  '  --force               run even points whose estimated cost is over the budget (as npm run sim)',
  '  --help                print this help',
].join('\n');

const fail = (message: string): SweepArgsResult => ({ ok: false, message });

function parseValues(raw: string): number[] | string {
  const parts = raw.split(',').map((p) => p.trim());
  const values = parts.map(Number);
  const bad = parts.find((p, i) => p === '' || !Number.isFinite(values[i]));
  if (bad !== undefined) return `--values: "${bad}" is not a number (expected a,b,c)`;
  return values;
}

function parseRange(raw: string): SweepRange | string {
  const parts = raw.split(':');
  const [from, to, steps, spacing] = parts;
  const usage = `--range: got "${raw}", expected from:to:steps or from:to:steps:log`;
  if (parts.length < 3 || parts.length > 4 || (spacing !== undefined && spacing !== 'log')) return usage;
  const nums = [from, to, steps].map((p) => (p?.trim() === '' ? NaN : Number(p)));
  if (nums.some((n) => !Number.isFinite(n))) return usage;
  return { from: nums[0]!, to: nums[1]!, steps: nums[2]!, log: spacing === 'log' };
}

function positiveInt(flag: string, raw: string | undefined, max: number): number | string {
  const n = Number(raw);
  if (raw === undefined || raw === '' || raw.startsWith('--')) return `${flag} needs a value`;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    return `${flag}: got "${raw}", expected an integer from 1 to ${max}`;
  }
  return n;
}

/** Parses argv (without node and script). Never throws: problems come back as one-line messages. */
export function parseSweepArgs(argv: readonly string[]): SweepArgsResult {
  const positional: string[] = [];
  const given = new Map<string, string | undefined>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    if (name === '--help' || name === '-h') return { ok: true, help: true };
    if (name === '--json' || name === '--csv' || name === '--force') {
      if (inline !== undefined) return fail(`${name} takes no value`);
      given.set(name, '');
    } else if (['--param', '--values', '--range', '--seeds', '--duration-ms', '--workers'].includes(name)) {
      if (given.has(name)) return fail(`${name} is given twice`);
      given.set(name, inline ?? argv[++i]);
    } else if (arg.startsWith('-') && arg !== '-' && !/^-\d/.test(arg)) {
      return fail(`unknown option ${name} (see --help)`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) {
    return positional.length === 0
      ? fail('missing preset id or scenario file (see --help)')
      : fail(`expected one preset id or file, got ${positional.length}: ${positional.join(' ')}`);
  }
  const missing = (flag: string) => {
    const v = given.get(flag);
    return v === undefined || v === '' || v.startsWith('--');
  };
  if (!given.has('--param')) return fail('missing --param <path> (the field to vary, e.g. cache.l2.ttlMs)');
  if (missing('--param')) return fail('--param needs a value');
  if (given.has('--json') && given.has('--csv')) return fail('--json and --csv exclude each other');
  if (given.has('--values') === given.has('--range')) {
    return fail('give either --values a,b,c or --range from:to:steps[:log]');
  }
  const flag = given.has('--values') ? '--values' : '--range';
  if (missing(flag)) return fail(`${flag} needs a value`);
  const raw = given.get(flag)!;
  const parsedValues = flag === '--values' ? parseValues(raw) : parseRange(raw);
  if (typeof parsedValues === 'string') return fail(parsedValues);
  const args: SweepArgs = {
    target: positional[0]!,
    param: given.get('--param')!,
    values: Array.isArray(parsedValues) ? { list: parsedValues } : { range: parsedValues },
    seeds: 1,
    format: given.has('--json') ? 'json' : given.has('--csv') ? 'csv' : 'table',
    force: given.has('--force'),
  };
  if (given.has('--seeds')) {
    const seeds = positiveInt('--seeds', given.get('--seeds'), SWEEP_LIMITS.maxSeeds);
    if (typeof seeds === 'string') return fail(seeds);
    args.seeds = seeds;
  }
  if (given.has('--workers')) {
    const workers = positiveInt('--workers', given.get('--workers'), 64);
    if (typeof workers === 'string') return fail(workers);
    args.workers = workers;
  }
  if (given.has('--duration-ms')) {
    const d = numberFlag('--duration-ms', 'durationMs', given.get('--duration-ms'));
    if (typeof d === 'string') return fail(d);
    args.durationMs = d;
  }
  return { ok: true, help: false, args };
}
