import { readFileSync } from 'node:fs';
import { runScenario } from '../engine/index.ts';
import { costGate } from './costGate.ts';
import type { RunOptions } from '../engine/types.ts';
import type { Scenario } from '../scenario/schema.ts';
import { getPreset, presetIds } from '../scenario/presets/index.ts';
import { parseScenarioJson, summarizeErrors } from '../scenario/validate.ts';
import { clip } from '../scenario/quote.ts';
import { parseArgs, USAGE } from './args.ts';
import { formatSummaryTable } from './table.ts';

/**
 * `npm run sim -- <preset-id | file.json> [--seed N] [--duration-ms N] [--json]`.
 * Bad input exits with 2 and one line on stderr; people paste these into scripts and CI, where a
 * stack trace hides the one thing they need to fix.
 */

class InputError extends Error {}

function loadScenario(target: string): Scenario {
  const preset = getPreset(target);
  if (preset) return preset;
  const looksLikeFile = target.endsWith('.json') || target.includes('/') || target.includes('\\');
  if (!looksLikeFile) {
    throw new InputError(
      `unknown preset "${clip(target)}"; known presets: ${presetIds.join(', ')} (or give a .json file)`,
    );
  }
  let text: string;
  try {
    text = readFileSync(target, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unreadable');
    throw new InputError(`cannot read ${clip(target)}: ${why}`);
  }
  const parsed = parseScenarioJson(text);
  // One line even with many problems: the first few, then how many more.
  if (!parsed.ok) throw new InputError(`${clip(target)}: ${summarizeErrors(parsed.errors)}`);
  return parsed.scenario;
}

function main(argv: readonly string[]): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) throw new InputError(parsed.message);
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n\nPresets: ${presetIds.join(', ')}\n`);
    return 0;
  }
  const { args } = parsed;
  const scenario = loadScenario(args.target);
  const options: RunOptions = {};
  if (args.seed !== undefined) options.seed = args.seed;
  if (args.durationMs !== undefined) options.durationMs = args.durationMs;
  const refusal = costGate(scenario, options, args.force);
  if (refusal !== null) throw new InputError(refusal);
  const summary = runScenario(scenario, options);
  process.stdout.write(
    args.json ? `${JSON.stringify(summary)}\n` : `${formatSummaryTable(summary, scenario)}\n`,
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  // Input problems are the user's to fix (2); anything else is our bug (1), still without a trace.
  process.stderr.write(`sim: ${message.split('\n')[0]}\n`);
  process.exitCode = e instanceof InputError ? 2 : 1;
}
