import type { z } from 'zod';
import {
  enumOptions,
  formatPath,
  genericPath,
  kindOf,
  literalValues,
  maxItems,
  maxLength,
  nullMeaning,
  numberBounds,
  schemaAt,
  shapeOf,
  unwrap,
} from './fields.ts';
import { preview } from './quote.ts';

/**
 * Turns zod issues into messages a workshop attendee can act on: the field, what was received and
 * what is allowed, all read from the schema so the words cannot disagree with the rules.
 */

export interface ScenarioError {
  path: string;
  message: string;
}

/** A short rendering of a received value: at most 80 characters, whatever its size or depth. */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  return preview(value);
}

function describeNumber(s: z.ZodType): string {
  const { min, max, isInt } = numberBounds(s);
  const noun = isInt ? 'an integer' : 'a number';
  const parts = [];
  if (Number.isFinite(min)) parts.push(`>= ${min}`);
  if (Number.isFinite(max)) parts.push(`<= ${max}`);
  return parts.length === 0 ? noun : `${noun} ${parts.join(' and ')}`;
}

/** What the field at `path` accepts, e.g. `a number >= 1 and <= 86400000 (or null for no expiry)`. */
export function describeAllowed(path: readonly PropertyKey[]): string {
  const schema = schemaAt(path);
  if (!schema) return 'nothing (unknown field)';
  const { base, nullable } = unwrap(schema);
  let text: string;
  switch (kindOf(base)) {
    case 'number':
      text = describeNumber(base);
      break;
    case 'boolean':
      text = 'true or false';
      break;
    case 'string': {
      const max = maxLength(base);
      text = max === undefined ? 'a string' : `a string of at most ${max} characters`;
      break;
    }
    case 'enum':
      text = `one of ${enumOptions(base).join(', ')}`;
      break;
    case 'literal':
      text = literalValues(base)
        .map((v) => JSON.stringify(v))
        .join(' or ');
      break;
    case 'object':
      text = `an object with fields ${Object.keys(shapeOf(base) ?? {}).join(', ')}`;
      break;
    case 'array': {
      const max = maxItems(base);
      text = max === undefined ? 'a list' : `a list of at most ${max} items`;
      break;
    }
    case 'unknown':
      // Only `changes[].value`: its rule is the rule of the field its entry's `path` names.
      text = 'what the field named by path allows';
      break;
    default:
      text = kindOf(base);
  }
  if (nullable) {
    const meaning = nullMeaning[genericPath(formatPath(path))];
    text += meaning ? ` (or null for ${meaning})` : ' (or null)';
  }
  return text;
}

/** Edit distance, for "did you mean ttlMs?". Small inputs only. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] ?? 0;
      const cost = a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1;
      row[j] = Math.min(cur + 1, (row[j - 1] ?? 0) + 1, prev + cost);
      prev = cur;
    }
  }
  return row[b.length] ?? 0;
}

/** Names longer than this are not compared: no field name comes close, and the comparison costs their length. */
const MAX_GUESSED_NAME = 64;

/** The known name closest to `name`, when it is close enough to be a plausible typo. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  if (name.length === 0 || name.length > MAX_GUESSED_NAME) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const lower = name.toLowerCase();
    const kl = k.toLowerCase();
    const d =
      kl.startsWith(lower) || lower.startsWith(kl) ? Math.min(1, distance(name, k)) : distance(name, k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const p of path) {
    // Own fields only: `constructor` or `toString` in a path must not find Object's.
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, p)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** One zod issue -> one or more errors (an unknown-keys issue names each key separately). */
export function issueToErrors(issue: z.core.$ZodIssue, input: unknown): ScenarioError[] {
  const parts = issue.path;
  const path = formatPath(parts);
  const where = path === '' ? 'scenario' : path;
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(shapeOf(unwrap(schemaAt(parts) ?? scenarioRoot()).base) ?? {});
    return issue.keys.map((key) => {
      const keyPath = formatPath([...parts, key]);
      const guess = closestName(key, known);
      const hint = guess ? `did you mean ${guess}?` : `known fields here: ${known.join(', ')}`;
      const what = key === '' ? 'a field with an empty name' : 'unknown field';
      return { path: keyPath, message: `${keyPath}: ${what}; ${hint}` };
    });
  }
  const value = valueAt(input, parts);
  if (issue.code === 'custom') return [{ path, message: `${where}: ${issue.message}` }];
  if (path === 'version') {
    const message =
      value === undefined
        ? 'version: missing, this build reads version 1 (add "version": 1)'
        : `version: got ${formatValue(value)}, this build reads version 1`;
    return [{ path, message }];
  }
  const got = value === undefined ? 'missing' : `got ${formatValue(value)}`;
  return [{ path, message: `${where}: ${got}, expected ${describeAllowed(parts)}` }];
}

const scenarioRoot = (): z.ZodType => schemaAt([]) as z.ZodType;
