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
import { closestName } from './closestName.ts';

export { closestName };

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
