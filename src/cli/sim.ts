import { runScenario } from '../engine/index.ts';
import { costGate } from './costGate.ts';
import type { RunOptions } from '../engine/types.ts';
import { presetIds } from '../scenario/presets/index.ts';
import { parseArgs, USAGE } from './args.ts';
import { InputError, loadScenario, runCli } from './input.ts';
import { formatSummaryTable } from './table.ts';
import { seriesCsv } from '../export/seriesCsv.ts';
import { replayLine, requestRecorder, withTrace, writeRequestsCsv } from './trace/replayFile.ts';

/**
 * `npm run sim -- <preset-id | file.json> [--seed N] [--duration-ms N] [--json | --csv]`, and with
 * `--trace <file>` a replay of a cache trace on the scenario (`--export-trace` writes the requests made).
 * Bad input exits with 2 and one line on stderr (see input.ts).
 */

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) throw new InputError(parsed.message);
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n\nPresets: ${presetIds.join(', ')}\n`);
    return 0;
  }
  const { args } = parsed;
  const options: RunOptions = {};
  const scenario = await withTrace(loadScenario(args.target), args, options);
  if (args.seed !== undefined) options.seed = args.seed;
  if (args.durationMs !== undefined) options.durationMs = args.durationMs;
  const refusal = costGate(scenario, options, args.force);
  if (refusal !== null) throw new InputError(refusal);
  const requests = args.exportTrace === undefined ? null : requestRecorder(options);
  const summary = runScenario(scenario, options);
  if (requests !== null && args.exportTrace !== undefined) writeRequestsCsv(args.exportTrace, requests);
  // The CSV ends its own last row (CRLF), byte for byte what the app's Export downloads.
  if (args.csv) process.stdout.write(seriesCsv(summary));
  else if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else process.stdout.write(`${replayLine(summary)}${formatSummaryTable(summary, scenario)}\n`);
  return 0;
}

await runCli('sim', () => main(process.argv.slice(2)));
