import { closeSync, openSync, readSync } from 'node:fs';
import type { Scenario } from '../scenario/schema.ts';
import { getPreset, presetIds } from '../scenario/presets/index.ts';
import { parseScenarioJson, summarizeErrors } from '../scenario/validate.ts';
import { clip } from '../scenario/quote.ts';
import { MAX_SCENARIO_TEXT } from '../scenario/limits.ts';

/**
 * What the command-line tools share: reading a preset or a scenario file, and the exit convention.
 * Bad input exits with 2 and one line on stderr; people paste these into scripts and CI, where a stack
 * trace hides the one thing they need to fix.
 */

/** A problem with what the user gave (exit 2), as opposed to a bug of ours (exit 1). */
export class InputError extends Error {}

/** Thrown by `readBounded` when there is more than it reads. */
class TooLong extends Error {}

/**
 * The first bytes of a file (or of standard input, fd 0) as UTF-8, up to `limit`; throws TooLong when
 * there is more. Never reads more than `limit + 1` bytes: `/dev/zero` or a runaway pipe stops at once.
 */
export function readBounded(target: string | 0, limit: number): string {
  const fd = target === 0 ? 0 : openSync(target, 'r');
  try {
    const buf = Buffer.alloc(limit + 1);
    let length = 0;
    while (length <= limit) {
      let n: number;
      try {
        n = readSync(fd, buf, length, limit + 1 - length, null);
      } catch (e) {
        // A non-blocking standard input with nothing yet: wait for it (a pipe being written).
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        throw e;
      }
      if (n === 0) break;
      length += n;
    }
    if (length > limit) throw new TooLong();
    return buf.toString('utf8', 0, length);
  } finally {
    if (target !== 0) closeSync(fd);
  }
}

/** A preset by id, or a scenario file by path (`-`: standard input), validated; throws InputError with one line. */
export function loadScenario(target: string): Scenario {
  const preset = getPreset(target);
  if (preset) return preset;
  const looksLikeFile =
    target === '-' || target.endsWith('.json') || target.includes('/') || target.includes('\\');
  if (!looksLikeFile) {
    throw new InputError(
      `unknown preset "${clip(target)}"; known presets: ${presetIds.join(', ')} (or give a .json file)`,
    );
  }
  let text: string;
  try {
    text = readBounded(target === '-' ? 0 : target, MAX_SCENARIO_TEXT);
  } catch (e) {
    if (e instanceof TooLong) {
      throw new InputError(
        `cannot read ${target === '-' ? 'standard input' : clip(target)}: more than ${MAX_SCENARIO_TEXT} bytes ` +
          '(1 MB); a scenario is read up to that size',
      );
    }
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

/** Runs a command's main and sets the exit code: 2 for an InputError, 1 for anything else, no trace. */
export async function runCli(name: string, main: () => number | Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`${name}: ${message.split('\n')[0]}\n`);
    process.exitCode = e instanceof InputError ? 2 : 1;
  }
}
