import { scenarioSchema, type Scenario, type ScenarioInput } from './schema.ts';
import { formatPath, parsePath } from './fields.ts';
import { formatValue, issueToErrors, type ScenarioError } from './messages.ts';
import { locateJsonError } from './jsonPosition.ts';

export type { ScenarioError };
export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/**
 * Validates anything (parsed JSON, a URL payload, a UI draft) against Scenario v1 and fills in the
 * defaults. Never throws: every problem comes back as `{ path, message }` naming the field, the value
 * received and what is allowed.
 *
 * @example
 * parseScenario({ version: 1, cache: { l2: { ttlMs: -5 } } })
 * // { ok: false, errors: [{ path: 'cache.l2.ttlMs',
 * //   message: 'cache.l2.ttlMs: got -5, expected a number >= 1 and <= 86400000 (or null for no expiry)' }] }
 */
export function parseScenario(input: unknown): ParseResult {
  // A different version may mean different fields entirely; its other complaints would be noise.
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const version = (input as Record<string, unknown>).version;
    if (version !== undefined && version !== 1) {
      return {
        ok: false,
        errors: [
          { path: 'version', message: `version: got ${formatValue(version)}, this build reads version 1` },
        ],
      };
    }
  }
  const result = scenarioSchema.safeParse(input);
  if (result.success) return { ok: true, scenario: result.data };
  const errors = result.error.issues.flatMap((issue) => issueToErrors(issue, input));
  return { ok: false, errors };
}

/** Parses JSON text, reporting a syntax error with its line and column, then validates it. */
export function parseScenarioJson(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const where = locateJsonError(text);
    const detail = e instanceof Error ? e.message : String(e);
    const message = where
      ? `JSON syntax error at line ${where.line}, column ${where.column}: expected ${where.expected}`
      : `JSON syntax error: ${detail}`;
    return { ok: false, errors: [{ path: '', message }] };
  }
  return parseScenario(value);
}

/** One line per error, ready for a terminal or an alert box. */
export function formatErrors(errors: readonly ScenarioError[]): string {
  return errors.map((e) => e.message.replace(/\s*\n\s*/g, ' ')).join('\n');
}

/**
 * The first `max` errors on one line and how many more there are: for a notice or a CLI message, which
 * must stay short however broken the input (a file with a thousand unknown fields has a thousand errors).
 *
 * @example summarizeErrors(errors) // 'seed: got -1, ...; cache.strategy: got "x", ... (and 4 more)'
 */
export function summarizeErrors(errors: readonly ScenarioError[], max = 3): string {
  const shown = formatErrors(errors.slice(0, max)).split('\n').join('; ');
  return errors.length > max ? `${shown} (and ${errors.length - max} more)` : shown;
}

function withField(base: unknown, parts: readonly (string | number)[], value: unknown): unknown {
  const root: unknown = structuredClone(base ?? { version: 1 });
  if (parts.length === 0) return value;
  let node = root as Record<string | number, unknown>;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i] as string | number;
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = typeof parts[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[parts[parts.length - 1] as string | number] = value;
  return root;
}

/**
 * Checks one field the way the config panel changes it: the whole scenario (`base`, by default the
 * defaults) with that field set, keeping only errors on that field, so a slider can refuse a value
 * with a message before it reaches the engine. Returns null when the value is allowed.
 *
 * @example validateFieldValue('cache.l2.ttlMs', -5)?.message // 'cache.l2.ttlMs: got -5, expected ...'
 */
export function validateFieldValue(
  path: string,
  value: unknown,
  base: ScenarioInput | Scenario = { version: 1 },
): ScenarioError | null {
  const parts = parsePath(path);
  const canonical = formatPath(parts);
  const result = parseScenario(withField(base, parts, value));
  if (result.ok) return null;
  const own = result.errors.find(
    (e) => e.path === canonical || e.path.startsWith(`${canonical}.`) || e.path.startsWith(`${canonical}[`),
  );
  return own ?? null;
}
