import { validateFieldValue } from '../scenario/validate.ts';
import { clip } from '../scenario/quote.ts';
import { TRACE_FORMATS, type TraceFormat } from '../trace/types.ts';

/** Parsed command line of `npm run sim`. */
export interface SimArgs {
  /** A preset id or a path to a scenario JSON file. */
  target: string;
  seed?: number;
  durationMs?: number;
  json: boolean;
  /** Print the time series as CSV (`src/export/seriesCsv.ts`) instead of a table. */
  csv: boolean;
  /** Run even when the cost estimate is over the budget. */
  force: boolean;
  /** Replay this trace file (a scenario's `workload.trace.name` otherwise). */
  trace?: string;
  format?: TraceFormat;
  /** Trace time per simulated time (`workload.trace.timeScale`). */
  timeScale?: number;
  /** Keep this fraction of the trace's keys (SHARDS). */
  sampleRate?: number;
  /** Write the run's request stream to this file as a plain CSV trace. */
  exportTrace?: string;
}

export type ArgsResult =
  { ok: true; help: true } | { ok: true; help: false; args: SimArgs } | { ok: false; message: string };

export const USAGE = [
  'Usage: npm run sim -- <preset-id | file.json> [--seed N] [--duration-ms N] [--json | --csv] [--force]',
  '       npm run sim -- [<preset-id | file.json>] --trace <file> [--format F] [--time-scale N] ...',
  '',
  '  <preset-id>        run a built-in preset (e.g. baseline, stampede, hot-key)',
  '  <file.json>        run a scenario file (format: docs/scenario-format.md); - reads standard input',
  '  --trace <file>     replay a cache trace on the scenario (baseline without one; docs/traces.md)',
  "  --format F         the trace's format: twitter, oracle or csv (detected when not given)",
  '  --time-scale N     trace time per simulated time: 1440 plays a day in a minute (default 1)',
  "  --export-trace F   write the run's requests to F as a plain CSV trace (time_ms,key,size,op,ttl_s)",
  '  --seed N           override the seed (integer 0..4294967295)',
  '  --duration-ms N    override the simulated duration in milliseconds',
  '  --json             print one Summary object as JSON instead of a table',
  '  --csv              print the time series as CSV (one row per sample, as the app exports it)',
  '  --force            run even a scenario whose estimated cost is over the budget',
  '  --help             print this help',
].join('\n');

/**
 * A number flag, checked with the same rule the scenario field has (so `--seed -1` is refused with
 * the schema's words, not a second copy of its range).
 */
export function numberFlag(flag: string, field: string, raw: string | undefined): number | string {
  if (raw === undefined || raw === '' || raw.startsWith('--')) return `${flag} needs a value`;
  // A non-numeric value goes to the schema as a string, which then says what a number must be.
  const numeric = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(raw.trim());
  const value = numeric ? Number(raw) : raw;
  const error = validateFieldValue(field, value);
  if (!error && typeof value === 'number') return value;
  return `${flag}: ${error?.message.replace(/^[^:]+: /, '') ?? `got "${clip(raw)}", expected a number`}`;
}

/** Parses argv (without node and script). Never throws: problems come back as one-line messages. */
export function parseArgs(argv: readonly string[]): ArgsResult {
  const positional: string[] = [];
  let json = false;
  let csv = false;
  let force = false;
  let seed: number | undefined;
  let durationMs: number | undefined;
  const traceArgs: Pick<SimArgs, 'trace' | 'format' | 'timeScale' | 'sampleRate' | 'exportTrace'> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const takeValue = (): string | undefined => inline ?? argv[++i];
    if (name === '--help' || name === '-h') return { ok: true, help: true };
    if (name === '--json') {
      if (inline !== undefined) return { ok: false, message: '--json takes no value' };
      json = true;
    } else if (name === '--csv') {
      if (inline !== undefined) return { ok: false, message: '--csv takes no value' };
      csv = true;
    } else if (name === '--force') {
      if (inline !== undefined) return { ok: false, message: '--force takes no value' };
      force = true;
    } else if (name === '--seed') {
      const v = numberFlag('--seed', 'seed', takeValue());
      if (typeof v === 'string') return { ok: false, message: v };
      seed = v;
    } else if (name === '--duration-ms') {
      const v = numberFlag('--duration-ms', 'durationMs', takeValue());
      if (typeof v === 'string') return { ok: false, message: v };
      durationMs = v;
    } else if (name === '--trace' || name === '--export-trace') {
      const v = takeValue();
      if (v === undefined || v === '' || v.startsWith('--'))
        return { ok: false, message: `${name} needs a file` };
      traceArgs[name === '--trace' ? 'trace' : 'exportTrace'] = v;
    } else if (name === '--format') {
      const v = takeValue() ?? '';
      if (!(TRACE_FORMATS as readonly string[]).includes(v))
        return {
          ok: false,
          message: `--format: got "${clip(v)}", expected one of ${TRACE_FORMATS.join(', ')}`,
        };
      traceArgs.format = v as TraceFormat;
    } else if (name === '--sample') {
      const v = takeValue();
      const rate = Number(v);
      if (!(rate > 0 && rate <= 1))
        return {
          ok: false,
          message: `--sample: expected a fraction above 0 and at most 1, got "${clip(v ?? '')}"`,
        };
      traceArgs.sampleRate = rate;
    } else if (name === '--time-scale') {
      const v = numberFlag('--time-scale', 'workload.trace.timeScale', takeValue());
      if (typeof v === 'string') return { ok: false, message: v };
      traceArgs.timeScale = v;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { ok: false, message: `unknown option ${clip(name)} (see --help)` };
    } else {
      positional.push(arg);
    }
  }
  if (positional.length === 0 && traceArgs.trace !== undefined) positional.push('baseline');
  if (positional.length === 0)
    return { ok: false, message: 'missing preset id or scenario file (see --help)' };
  if (positional.length > 1) {
    return {
      ok: false,
      message: `expected one preset id or file, got ${positional.length}: ${clip(positional.join(' '))}`,
    };
  }
  if (json && csv) return { ok: false, message: '--json and --csv print different things: choose one' };
  const args: SimArgs = { target: positional[0] ?? '', json, csv, force, ...traceArgs };
  if (seed !== undefined) args.seed = seed;
  if (durationMs !== undefined) args.durationMs = durationMs;
  return { ok: true, help: false, args };
}
