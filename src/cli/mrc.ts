import { InputError, runCli } from './input.ts';
import { MRC_USAGE, parseMrcArgs } from './trace/mrcArgs.ts';
import { readTraceFile } from './trace/readFile.ts';
import { formatMrcTable } from './trace/mrcTable.ts';
import { computeCurves } from '../trace/mrc/curves.ts';

/**
 * `npm run mrc -- <file> [--format ...] [--sizes a,b,c] [--policies ...] [--sample R] [--json]`: the
 * miss-ratio curves of a cache trace (exact LRU from one pass, FIFO and Belady by simulation).
 */
async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseMrcArgs(argv);
  if (!parsed.ok) throw new InputError(parsed.message);
  if (parsed.help) {
    process.stdout.write(`${MRC_USAGE}\n`);
    return 0;
  }
  const { args } = parsed;
  const note = (text: string) => process.stderr.write(`mrc: ${text}\n`);
  const trace = await readTraceFile(
    args.file,
    {
      ...(args.format ? { format: args.format } : {}),
      ...(args.sampleRate ? { sampleRate: args.sampleRate } : {}),
    },
    note,
  );
  if (trace.truncated) note(trace.truncated);
  const result = computeCurves(trace, {
    policies: args.policies,
    sampled: args.sampled,
    ...(args.sizes ? { sizes: args.sizes } : {}),
  });
  if (args.json) {
    const { requests, uniqueKeys, bytes, curves, ...about } = result;
    const out = {
      requests,
      uniqueKeys,
      bytes,
      curves,
      format: trace.format,
      truncated: trace.truncated,
      ...about,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else {
    process.stdout.write(formatMrcTable(result, trace.truncated));
  }
  return 0;
}

void runCli('mrc', () => main(process.argv.slice(2)));
