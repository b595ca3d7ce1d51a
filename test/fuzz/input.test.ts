import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { QUOTE_MAX } from '../../src/scenario/quote.ts';
import { decodeScenario, encodeScenario } from '../../src/scenario/url.ts';
import {
  parseScenario,
  parseScenarioJson,
  type ParseResult,
  type ScenarioError,
} from '../../src/scenario/validate.ts';
import { fuzzRuns, fuzzSeed } from '../helpers/fuzzRuns.ts';
import { validScenario } from '../helpers/scenarioArb.ts';

/** Field names and values that have broken parsers before: empty, inherited, huge, deep, odd types. */
const nastyKey = fc.oneof(
  fc.constantFrom('', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'version', 'ttlMs', '0'),
  fc.string({ maxLength: 12 }),
  fc.nat({ max: 5000 }).map((n) => 'k'.repeat(n)),
);
const deep = fc.nat({ max: 3000 }).map((n) => {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
});
const nastyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  deep,
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1, 2 ** 53, undefined, null, ''),
  fc.nat({ max: 100_000 }).map((n) => 'x'.repeat(n)),
);

/** A valid scenario with one field (at any depth, known or not) set to something hostile. */
const mutated = fc
  .tuple(validScenario, fc.array(nastyKey, { minLength: 1, maxLength: 4 }), nastyValue, fc.nat())
  .map(([input, path, value, pick]) => {
    const root = structuredClone(input) as Record<string, unknown>;
    // Walk down through existing objects as far as the path allows, then set.
    let node: Record<string, unknown> = root;
    for (const key of path.slice(0, -1)) {
      const keys = Object.keys(node);
      const next = keys.length > 0 && pick % 2 === 0 ? keys[pick % keys.length]! : key;
      const child = Object.hasOwn(node, next) ? node[next] : undefined;
      if (child === null || typeof child !== 'object') break;
      node = child as Record<string, unknown>;
    }
    Object.defineProperty(node, path[path.length - 1]!, { value, enumerable: true, writable: true });
    return root;
  });

/** Every error names its field: the message opens with the path it reports (or "scenario" for the root). */
function expectNamedErrors(r: ParseResult): void {
  if (r.ok) return;
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors as ScenarioError[]) {
    expect(typeof e.path).toBe('string');
    const name = e.path === '' ? /^(scenario|JSON syntax error)/ : e.path;
    if (typeof name === 'string') expect(e.message.startsWith(`${name}: `)).toBe(true);
    else expect(e.message).toMatch(name);
    // Short: the path, what came (at most QUOTE_MAX characters of it) and what is allowed.
    expect(e.message.length).toBeLessThan(600 + QUOTE_MAX);
  }
}

describe('fuzz: validation', () => {
  it('never throws and every error names its field: mutated scenarios', () => {
    fc.assert(
      fc.property(mutated, (input) => {
        expectNamedErrors(parseScenario(input));
      }),
      { numRuns: fuzzRuns(300), seed: fuzzSeed },
    );
  });

  it('never throws on any value at all, nor on any text', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string({ maxLength: 200 }), (value, text) => {
        expectNamedErrors(parseScenario(value));
        expectNamedErrors(parseScenarioJson(text));
      }),
      { numRuns: fuzzRuns(300), seed: fuzzSeed },
    );
  });

  it('never throws on JSON text cut or edited anywhere', () => {
    fc.assert(
      fc.property(validScenario, fc.nat(), fc.string({ maxLength: 3 }), (input, at, insert) => {
        const text = JSON.stringify(input);
        const i = at % (text.length + 1);
        expectNamedErrors(parseScenarioJson(text.slice(0, i)));
        expectNamedErrors(parseScenarioJson(text.slice(0, i) + insert + text.slice(i + 1)));
      }),
      { numRuns: fuzzRuns(200), seed: fuzzSeed },
    );
  });
});

describe('fuzz: links', () => {
  it('decoding never throws: damaged links, foreign payloads, hostile scenarios', () => {
    fc.assert(
      fc.property(
        validScenario,
        mutated,
        fc.nat(),
        fc.string({ maxLength: 4 }),
        (input, hostile, at, insert) => {
          const hash = encodeScenario(input);
          const i = at % (hash.length + 1);
          for (const link of [
            hash.slice(0, i),
            hash.slice(0, i) + insert + hash.slice(i + 1),
            `#s=${compressToEncodedURIComponent(JSON.stringify(hostile) ?? 'null')}`,
            `#s=${insert.repeat(at % 50)}`,
          ]) {
            const r = decodeScenario(link);
            if (!r.ok) for (const e of r.errors) expect(e.message.length).toBeLessThan(600 + QUOTE_MAX);
          }
        },
      ),
      { numRuns: fuzzRuns(300), seed: fuzzSeed },
    );
  });
});
