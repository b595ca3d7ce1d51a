import type { Scenario } from '../engine/types.ts';

/** What a worker makes of a command's scenario: the scenario to run, or why not (naming the field). */
export type ScenarioRead = { ok: true; scenario: Scenario } | { ok: false; message: string };
export type ScenarioReader = (input: unknown) => ScenarioRead;

/** The sections every validated scenario has (the schema fills each in with its defaults). */
const SECTIONS = ['workload', 'topology', 'network', 'cache', 'database', 'cdn', 'monitoring'] as const;
const LISTS = ['failures', 'changes'] as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The engine's worker takes scenarios the page has already validated (parseScenario, with every
 * default filled in), so it does not carry the schema (zod) itself. This cheap guard only checks the
 * shape of such a scenario: version 1, a seed, a duration, and every section and list present. A
 * scenario straight from a person (a file, a link, an embed's `loadScenario`) must go through
 * parseScenario on the page first; its messages name each bad field.
 */
export function readValidatedScenario(input: unknown): ScenarioRead {
  if (!isObject(input)) return { ok: false, message: 'expected a scenario object' };
  if (input.version !== 1) return { ok: false, message: 'version: this build reads version 1' };
  const d = input.durationMs;
  if (typeof d !== 'number' || !Number.isFinite(d) || d <= 0) {
    return { ok: false, message: 'durationMs: expected a positive number of simulated ms' };
  }
  const seed = input.seed;
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) {
    return { ok: false, message: 'seed: expected an integer from 0 to 4294967295' };
  }
  const missing = [
    ...SECTIONS.filter((k) => !isObject(input[k])),
    ...LISTS.filter((k) => !Array.isArray(input[k])),
  ];
  if (missing.length > 0) {
    return {
      ok: false,
      message: `${missing.join(', ')}: missing; the engine's worker takes scenarios validated on the page (parseScenario fills in every section)`,
    };
  }
  return { ok: true, scenario: input as unknown as Scenario };
}
