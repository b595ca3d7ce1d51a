import fc from 'fast-check';
import type { z } from 'zod';
import { LIVE_PATHS } from '../../src/scenario/changes.ts';
import {
  enumOptions,
  elementOf,
  kindOf,
  literalValues,
  maxLength,
  numberBounds,
  parsePath,
  schemaAt,
  shapeOf,
  unwrap,
} from '../../src/scenario/fields.ts';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';
import { parseScenario } from '../../src/scenario/validate.ts';

/** Random values for any schema node, from its own ranges: the test follows schema.ts as it changes. */
export function arb(schema: z.ZodType): fc.Arbitrary<unknown> {
  const { base, nullable } = unwrap(schema);
  let a: fc.Arbitrary<unknown>;
  const shape = shapeOf(base);
  const element = elementOf(base);
  if (shape) {
    const model = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, arb(s)]));
    const requiredKeys = Object.entries(shape)
      .filter(([, s]) => !unwrap(s).hasDefault)
      .map(([k]) => k);
    a = fc.record(model, { requiredKeys });
  } else if (element) {
    a = fc.array(arb(element), { maxLength: 3 });
  } else if (kindOf(base) === 'number') {
    const { min, max, isInt } = numberBounds(base);
    const hi = Number.isFinite(max) ? max : 1e7;
    a = isInt
      ? fc.integer({ min, max: hi })
      : fc.double({ min, max: hi, noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));
  } else if (kindOf(base) === 'enum') {
    a = fc.constantFrom(...enumOptions(base));
  } else if (kindOf(base) === 'literal') {
    a = fc.constantFrom(...literalValues(base));
  } else if (kindOf(base) === 'boolean') {
    a = fc.boolean();
  } else if (kindOf(base) === 'string') {
    a = fc.string({ maxLength: Math.min(maxLength(base) ?? 40, 40) });
  } else if (kindOf(base) === 'unknown') {
    a = fc.constant(0); // only `changes[].value`: scenarios get their changes from liveChanges()
  } else {
    throw new Error(`no arbitrary for ${kindOf(base)}`);
  }
  return nullable ? fc.oneof(fc.constant(null), a) : a;
}

/** A value the field at a live path accepts, from the field's own schema. */
export const liveValue = (path: string): fc.Arbitrary<unknown> => arb(schemaAt(parsePath(path)) as z.ZodType);

/** A valid live change at a time below 10^7 ms: any live path, any value its field accepts. */
export const liveChange = fc
  .record({
    atMs: fc.integer({ min: 0, max: 10_000_000 }),
    path: fc.constantFrom(...LIVE_PATHS),
  })
  .chain(({ atMs, path }) => liveValue(path).map((value) => ({ atMs, path: path as string, value })));

/** Up to `max` valid live changes (not sorted: the caller fits them to its run). */
export const liveChanges = (max: number) => fc.array(liveChange, { maxLength: max });

/** Cross-field rules (phase order, failures and changes within the run) are restored after generation. */
export const validScenario: fc.Arbitrary<ScenarioInput> = fc
  .tuple(arb(scenarioSchema), liveChanges(4))
  .map(([raw, changes]) => {
    const s = structuredClone(raw) as ScenarioInput;
    s.workload?.phases?.sort((p, q) => p.atMs - q.atMs);
    const duration = s.durationMs ?? 60_000;
    s.failures?.forEach((f) => (f.atMs = f.atMs % duration));
    s.changes = changes.map((c) => ({ ...c, atMs: c.atMs % duration })).sort((a, b) => a.atMs - b.atMs);
    return s;
  })
  .filter((s) => parseScenario(s).ok);
