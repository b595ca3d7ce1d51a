import type { z } from 'zod';
import { scenarioShape as scenarioSchema } from './scenarioShape.ts';
import { clip } from './quote.ts';

/**
 * Reads the zod schema as data, so error messages, the docs test and the URL property test all take
 * the rules (ranges, choices, defaults) from schema.ts instead of repeating them.
 */

type AnySchema = z.ZodType;
type PathPart = string | number;

/** What `null` means for the nullable fields; a message that only said "or null" would not help. */
export const nullMeaning: Readonly<Record<string, string>> = {
  'workload.hotKey': 'no hot key',
  'workload.trace': 'no trace: Poisson arrivals and Zipf keys',
  'workload.trace.format': 'detected from the first bytes',
  'cache.l1.ttlMs': 'no expiry',
  'cache.l1.maxKeys': 'unbounded',
  'cache.l2.ttlMs': 'no expiry',
  'cache.l2.maxKeys': 'unbounded',
  'cache.l2.maxMemoryBytes': 'unbounded',
  'database.maxQueue': 'no bound',
  'workload.client.timeoutMs': 'no timeout',
  'failures[].stepMs': 'the same as durationMs',
  'workload.families[].zipf': 'the value of workload.zipf',
  'workload.families[].readRatio': 'the value of workload.readRatio',
  'workload.families[].ttlMs': 'no expiry',
  'workload.families[].l1TtlMs': 'the value of cache.l1.ttlMs',
};

export interface FieldInfo {
  /** Dotted path with `[]` for array items, e.g. `workload.phases[].atMs`. */
  path: string;
  /** The schema with defaults and nullability stripped. */
  base: AnySchema;
  nullable: boolean;
  hasDefault: boolean;
  defaultValue: unknown;
}

interface Def {
  type: string;
  innerType?: AnySchema;
  element?: AnySchema;
  defaultValue?: unknown;
  values?: unknown[];
  entries?: Record<string, unknown>;
}

const defOf = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strips default/prefault/nullable/optional wrappers and reports what they said. */
export function unwrap(schema: AnySchema): Omit<FieldInfo, 'path'> {
  let s = schema;
  let nullable = false;
  let hasDefault = false;
  let defaultValue: unknown = undefined;
  for (;;) {
    const d = defOf(s);
    if ((d.type === 'default' || d.type === 'prefault') && d.innerType) {
      if (!hasDefault) {
        hasDefault = true;
        defaultValue = d.defaultValue;
      }
      s = d.innerType;
    } else if ((d.type === 'nullable' || d.type === 'optional') && d.innerType) {
      nullable ||= d.type === 'nullable';
      s = d.innerType;
    } else {
      return { base: s, nullable, hasDefault, defaultValue };
    }
  }
}

export const kindOf = (s: AnySchema): string => defOf(s).type;
export const elementOf = (s: AnySchema): AnySchema | undefined => defOf(s).element;
export const shapeOf = (s: AnySchema): Record<string, AnySchema> | undefined =>
  kindOf(s) === 'object' ? (s as unknown as { shape: Record<string, AnySchema> }).shape : undefined;
export const enumOptions = (s: AnySchema): string[] => Object.values(defOf(s).entries ?? {}).map(String);
export const literalValues = (s: AnySchema): unknown[] => defOf(s).values ?? [];

export interface NumberBounds {
  min: number;
  max: number;
  isInt: boolean;
}
export function numberBounds(s: AnySchema): NumberBounds {
  const n = s as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
  return { min: n.minValue ?? -Infinity, max: n.maxValue ?? Infinity, isInt: n.isInt };
}

/** An array's `.max(n)`, read from its checks (zod keeps no summary of it on the schema). */
export function maxItems(s: AnySchema): number | undefined {
  const checks = (defOf(s) as { checks?: { _zod: { def: { check: string; maximum?: number } } }[] }).checks;
  const max = checks?.find((c) => c._zod.def.check === 'max_length')?._zod.def.maximum;
  return max;
}

export const maxLength = (s: AnySchema): number | undefined =>
  (s as unknown as { maxLength?: number | null }).maxLength ?? undefined;

/** Splits `workload.phases[0].atMs` (or `workload.phases.0.atMs`) into parts. */
export function parsePath(path: string): PathPart[] {
  if (path === '') return [];
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((p) => p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Field names written with a dot; any other name (empty, spaced, huge) is quoted in brackets. */
const PLAIN_NAME = /^[A-Za-z_$][\w$]{0,39}$/;

/**
 * `['workload', 'phases', 0, 'atMs']` -> `workload.phases[0].atMs`. A name that is not a plain
 * identifier is quoted, cut to 40 characters: `{ "": 1 }` gives `[""]`, not an empty path.
 */
export function formatPath(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const p of parts) {
    const name = String(p);
    if (typeof p === 'number') out += `[${p}]`;
    else if (!PLAIN_NAME.test(name)) out += `[${JSON.stringify(clip(name, 40))}]`;
    else out += out === '' ? name : `.${name}`;
  }
  return out;
}

/** The field's path with array indices blanked, as used by `nullMeaning` and the docs. */
export const genericPath = (path: string): string => path.replace(/\[\d+\]/g, '[]');

/** The schema at a path, or undefined when no such field exists. */
export function schemaAt(parts: readonly PropertyKey[]): AnySchema | undefined {
  let s: AnySchema = scenarioSchema;
  for (const p of parts) {
    const { base } = unwrap(s);
    const shape = shapeOf(base);
    // Own fields only: `constructor` is not a field because every object inherits one.
    const next =
      typeof p === 'number'
        ? elementOf(base)
        : shape && Object.hasOwn(shape, String(p))
          ? shape[String(p)]
          : undefined;
    if (!next) return undefined;
    s = next;
  }
  return s;
}

/** Every leaf field (not an object, not an array of objects), depth first in schema order. */
export function leafFields(schema: AnySchema = scenarioSchema, prefix = ''): FieldInfo[] {
  const out: FieldInfo[] = [];
  const info = unwrap(schema);
  const shape = shapeOf(info.base);
  const element = elementOf(info.base);
  if (shape) {
    for (const [k, child] of Object.entries(shape)) {
      out.push(...leafFields(child, prefix === '' ? k : `${prefix}.${k}`));
    }
  } else if (element && shapeOf(unwrap(element).base)) {
    out.push(...leafFields(element, `${prefix}[]`));
  } else {
    out.push({ path: prefix, ...info });
  }
  return out;
}
