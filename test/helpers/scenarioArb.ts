import fc from 'fast-check';
import type { z } from 'zod';
import {
  enumOptions,
  elementOf,
  kindOf,
  literalValues,
  maxLength,
  numberBounds,
  shapeOf,
  unwrap,
} from '../../src/scenario/fields.ts';
import { scenarioSchema, type Scenario, type ScenarioInput } from '../../src/scenario/schema.ts';
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
  } else {
    throw new Error(`no arbitrary for ${kindOf(base)}`);
  }
  return nullable ? fc.oneof(fc.constant(null), a) : a;
}

/** Cross-field rules (phase order, failures before the end) are restored after generation. */
export const validScenario: fc.Arbitrary<ScenarioInput> = arb(scenarioSchema)
  .map((raw) => {
    const s = structuredClone(raw) as ScenarioInput;
    s.workload?.phases?.sort((p, q) => p.atMs - q.atMs);
    const duration = s.durationMs ?? 60_000;
    s.failures?.forEach((f) => (f.atMs = f.atMs % duration));
    return s;
  })
  .filter((s) => parseScenario(s).ok);

/** Most work a fuzzed run may take: a few milliseconds of engine time, so hundreds of cases fit in seconds. */
const MAX_REQUESTS = 6000;

/**
 * A valid scenario made cheap to run while keeping every mechanism it switched on: the duration and the
 * rates are scaled down (phases and failures keep their place in the run), key spaces and warm-ups cut.
 */
export function cheapToRun(input: ScenarioInput): Scenario {
  const s = scenarioSchema.parse(input);
  const duration = Math.min(s.durationMs, 3000);
  const scale = duration / s.durationMs;
  s.durationMs = duration;
  const peak = Math.max(s.workload.rps, ...s.workload.phases.map((p) => p.rps), 1);
  const rate = Math.min(1, (MAX_REQUESTS * 1000) / duration / peak);
  s.workload.rps *= rate;
  for (const p of s.workload.phases) {
    p.atMs *= scale;
    p.rps *= rate;
  }
  for (const f of s.failures) {
    f.atMs *= scale;
    f.durationMs *= scale;
    if (f.stepMs !== null) f.stepMs *= scale;
  }
  s.workload.keys = Math.min(s.workload.keys, 20_000);
  for (const f of s.workload.families) f.keys = Math.min(f.keys, 5000);
  s.cache.warming.topKeys = Math.min(s.cache.warming.topKeys, 2000);
  s.cache.stampede.refreshTopKeys = Math.min(s.cache.stampede.refreshTopKeys, 50);
  s.workload.client.retries = Math.min(s.workload.client.retries, 2);
  s.cache.l2.hz = Math.min(s.cache.l2.hz, 50);
  s.database.queryCache.maxEntries = Math.min(s.database.queryCache.maxEntries, 10_000);
  return s;
}

/** Valid scenarios, ready for a quick run. */
export const runnableScenario: fc.Arbitrary<Scenario> = validScenario.map(cheapToRun);
